package io.archivebatch.batch;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring Boot application that hosts the job; started by the CLI for commands that need the state. */
@SpringBootApplication
public class BatchApplication {
}
