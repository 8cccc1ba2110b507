package io.igpipe.ingest;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * {@code api-key create --name <who> | list | revoke <display id>}: manages the HTTP API's keys in the ledger.
 * <p>
 * Runs on the same configuration as the application ({@code config/application.yaml}, environment, and
 * {@code --igpipe.data-dir=...} style arguments) but starts only a data source and Flyway: no Camel routes, no web
 * server, no Graph calls. Flyway creates or upgrades the ledger first, so it works on a fresh machine. A created key
 * is printed once, to standard output, and never logged. With the default H2 file ledger, run it while the
 * application is stopped (H2 locks its file), or give a bootstrap key instead.
 */
public final class ApiKeyCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    private static final String USAGE_TEXT = """
            usage: api-key create --name <who uses it>
                   api-key list
                   api-key revoke <display id, e.g. igp_ab12cd34>""";

    private ApiKeyCommand() {
    }

    /**
     * Only the datasource and its migrations: nothing of the pipeline is scanned or started. Deliberately not a
     * {@code @Configuration}, so the application's component scan never picks it up.
     */
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class})
    static class LedgerOnly {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The command itself, apart from {@link #main} so tests run it in-process without exiting the JVM. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> words = commandWords(args);
        if (!words.isEmpty() && words.get(0).equals("api-key")) {
            words = words.subList(1, words.size());
        }
        if (words.isEmpty()) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerOnly.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(springArguments(args))) {
            ApiKeys keys = new ApiKeys(context.getBean(NamedParameterJdbcTemplate.class), Clock.systemUTC());
            return execute(keys, words, out, err);
        }
    }

    private static int execute(ApiKeys keys, List<String> words, PrintStream out, PrintStream err) {
        String command = words.get(0);
        switch (command) {
            case "create" -> {
                String name = optionValue(words, "--name");
                if (name == null || name.isBlank()) {
                    err.println("api-key create needs --name <who uses it>\n" + USAGE_TEXT);
                    return USAGE;
                }
                ApiKeys.CreatedKey created = keys.create(name);
                out.println("Created API key " + created.displayId() + " (" + created.name() + "). "
                        + "Store it now, it is not shown again:");
                out.println(created.key());
                return OK;
            }
            case "list" -> {
                List<ApiKeys.ListedKey> listed = keys.list();
                out.printf("%-16s %-24s %-10s %-32s %s%n", "ID", "NAME", "ORIGIN", "CREATED", "REVOKED");
                for (ApiKeys.ListedKey key : listed) {
                    out.printf("%-16s %-24s %-10s %-32s %s%n", key.displayId(), key.name(), key.origin(),
                            key.createdAt(), key.revokedAt() == null ? "-" : key.revokedAt());
                }
                return OK;
            }
            case "revoke" -> {
                if (words.size() != 2) {
                    err.println("api-key revoke needs the key's display id\n" + USAGE_TEXT);
                    return USAGE;
                }
                if (!keys.revoke(words.get(1))) {
                    err.println("No active API key " + words.get(1) + " (see api-key list)");
                    return FAILED;
                }
                out.println("Revoked API key " + words.get(1) + "; it is refused from now on.");
                return OK;
            }
            default -> {
                err.println("Unknown command '" + command + "'\n" + USAGE_TEXT);
                return USAGE;
            }
        }
    }

    /** The command's own words: everything but {@code --setting=value} arguments, which configure Spring. */
    private static List<String> commandWords(String[] args) {
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            if (!isSetting(arg)) {
                words.add(arg);
            }
        }
        return words;
    }

    /** The settings given, after a quieter log level (a later --logging.level.root=... still wins). */
    private static String[] springArguments(String[] args) {
        return Stream.concat(Stream.of("--logging.level.root=WARN"), Arrays.stream(args).filter(ApiKeyCommand::isSetting))
                .toArray(String[]::new);
    }

    private static boolean isSetting(String arg) {
        return arg.startsWith("--") && arg.contains("=") && !arg.startsWith("--name=");
    }

    private static String optionValue(List<String> words, String option) {
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).equals(option) && i + 1 < words.size()) {
                return words.get(i + 1);
            }
        }
        for (String word : words) {
            if (word.startsWith(option + "=")) {
                return word.substring(option.length() + 1);
            }
        }
        return null;
    }
}
