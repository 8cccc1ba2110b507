package io.igpipe.graph;

import java.util.Collection;
import java.util.regex.Pattern;

/** Removes access tokens from text that leaves the process: error files, ledger rows, logs. */
public final class SecretRedactor {

    private static final Pattern TOKEN_PARAMETER =
            Pattern.compile("((?:access_token|input_token|fb_exchange_token|client_secret)=)[^&\\s\"']+");
    private static final Pattern AUTHORIZATION =
            Pattern.compile("((?:Bearer|OAuth)\\s+)[A-Za-z0-9._\\-|]+");
    private static final Pattern JSON_TOKEN_FIELD =
            Pattern.compile("(\"access_token\"\\s*:\\s*\")[^\"]*");

    private SecretRedactor() {
    }

    public static String redact(String text, Collection<String> knownSecrets) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : knownSecrets) {
            if (secret != null && secret.length() >= 4) {
                result = result.replace(secret, "***");
            }
        }
        result = TOKEN_PARAMETER.matcher(result).replaceAll("$1***");
        result = AUTHORIZATION.matcher(result).replaceAll("$1***");
        return JSON_TOKEN_FIELD.matcher(result).replaceAll("$1***");
    }
}
