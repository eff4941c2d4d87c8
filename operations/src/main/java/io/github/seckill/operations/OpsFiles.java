package io.github.seckill.operations;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The ops files at the top of the repository, found from any module's working directory. */
public final class OpsFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpsFiles() {
    }

    public static Path root() {
        for (File dir = new File("").getAbsoluteFile(); dir != null; dir = dir.getParentFile()) {
            if (new File(dir, "prometheus").isDirectory() && new File(dir, "grafana").isDirectory()) {
                return dir.toPath();
            }
        }
        throw new IllegalStateException("repository root (with prometheus/ and grafana/) not found from "
                + new File("").getAbsolutePath());
    }

    public static Path resolve(String relative) {
        return root().resolve(relative);
    }

    /** A YAML file as maps and lists. */
    public static Map<String, Object> yaml(Path file) {
        try {
            return new Yaml(new LoaderOptions()).load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
