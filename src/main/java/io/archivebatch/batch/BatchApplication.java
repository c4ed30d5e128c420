package io.archivebatch.batch;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Spring Boot application that hosts the job; started by the CLI for commands that need the state. The build
 * also processes it ahead of time ({@code spring-boot:process-aot}, through {@link #main}): the bean definitions are
 * generated as code, and a command started from the packaged jar builds the context from them (the CLI's
 * {@code SpringLauncher} sets {@code spring.aot.enabled}) instead of parsing the configuration classes and evaluating
 * the auto-configuration at each start.
 */
@SpringBootApplication
public class BatchApplication {

    /**
     * The application as every command starts it: no web server, no banner, no shutdown hook (the CLI's own hook
     * stops a running job gracefully before anything closes), quiet logging, the job not started by Boot.
     *
     * @param properties the command's settings (state database, threads, limits); they override the defaults
     */
    public static SpringApplication application(Map<String, Object> properties) {
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
        // not the CLI's class the stack would give: the generated initializer is looked up by this class's name
        app.setMainApplicationClass(BatchApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setDefaultProperties(p);
        app.setRegisterShutdownHook(false);
        return app;
    }

    /**
     * For the build's ahead-of-time processing only (it starts the application through its main class and stops it
     * once the bean definitions are known): the CLI ({@code io.archivebatch.cli.Main}) is the program's entry point.
     */
    public static void main(String[] args) {
        application(Map.of()).run(args).close();
    }
}
