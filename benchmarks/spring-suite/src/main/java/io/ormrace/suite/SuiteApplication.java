package io.ormrace.suite;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SuiteApplication {
}
