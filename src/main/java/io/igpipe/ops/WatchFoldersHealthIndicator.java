package io.igpipe.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.igpipe.IgpipeProperties;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** DOWN when an account's watch folder is missing or not writable: its drops would be stuck. */
@Component("watchFolders")
public class WatchFoldersHealthIndicator implements HealthIndicator {

    private final IgpipeProperties properties;

    public WatchFoldersHealthIndicator(IgpipeProperties properties) {
        this.properties = properties;
    }

    @Override
    public Health health() {
        Map<String, Object> folders = new LinkedHashMap<>();
        boolean allWritable = true;
        for (IgpipeProperties.Account account : properties.getAccounts()) {
            Path folder = properties.watchFolderOf(account).toAbsolutePath().normalize();
            boolean writable = Files.isDirectory(folder) && Files.isWritable(folder);
            allWritable &= writable;
            folders.put(account.getName(), Map.of("path", folder.toString(), "writable", writable));
        }
        return (allWritable ? Health.up() : Health.down()).withDetails(folders).build();
    }
}
