package io.archivebatch.cli;

import io.archivebatch.batch.BatchApplication;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.LinkedHashMap;
import java.util.Map;

/** Starts the Spring context of the batch layer with the CLI's settings; quiet unless something goes wrong. */
final class SpringLauncher {
    private SpringLauncher() {
    }

    static ConfigurableApplicationContext start(Map<String, Object> properties) {
        System.setProperty("hsqldb.reconfig_logging", "false");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.batch.job.enabled", "false");
        p.put("spring.batch.jdbc.initialize-schema", "never");
        p.put("spring.main.log-startup-info", "false");
        p.put("logging.level.root", "WARN");
        p.put("logging.level.com.zaxxer.hikari", "ERROR");
        p.put("logging.level.org.springframework.batch.core.step.AbstractStep", "OFF");
        p.put("logging.level.org.springframework.batch.core.job.AbstractJob", "OFF");
        // a failed chunk is reported once, with its root cause, by the command's summary and by status
        p.put("logging.level.org.springframework.batch.core.step.item.ChunkOrientedStep", "OFF");
        p.put("spring.datasource.hikari.maximum-pool-size", "4");
        p.putAll(properties);
        SpringApplication app = new SpringApplication(BatchApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setDefaultProperties(p);
        // the CLI's own hook stops a running job gracefully before anything closes
        app.setRegisterShutdownHook(false);
        return app.run();
    }
}
