package io.igpipe;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class IgpipeApplication {
    public static void main(String[] args) {
        SpringApplication.run(IgpipeApplication.class, args);
    }
}
