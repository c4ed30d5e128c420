package io.archivebatch.cli;

import io.archivebatch.batch.BatchApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Map;

/** Starts the Spring context of the batch layer with the CLI's settings; quiet unless something goes wrong. */
final class SpringLauncher {

    static final String AOT = "spring.aot.enabled";

    private SpringLauncher() {
    }

    static ConfigurableApplicationContext start(Map<String, Object> properties) {
        System.setProperty("hsqldb.reconfig_logging", "false");
        if (System.getProperty(AOT) == null && generatedContextPackaged()) {
            System.setProperty(AOT, "true");
        }
        return BatchApplication.application(properties).run();
    }

    /**
     * Whether this is a packaged jar with the context the build generated ahead of time ({@code spring-boot:process-aot},
     * see {@link BatchApplication}): then it starts from that code, about 0.35 s sooner than by parsing the
     * configuration ({@code -Dspring.aot.enabled=false} starts it the regular way). Never from a classes folder,
     * where generated code may be older than the configuration (a test run after a change, before the next package).
     */
    static boolean generatedContextPackaged() {
        java.security.CodeSource source = BatchApplication.class.getProtectionDomain().getCodeSource();
        String where = source == null || source.getLocation() == null ? "" : source.getLocation().toString();
        boolean jar = where.endsWith(".jar") || where.contains(".jar!/") || where.contains(".jar/!"); // plain or nested
        return jar && BatchApplication.class.getResource("BatchApplication__ApplicationContextInitializer.class") != null;
    }
}
