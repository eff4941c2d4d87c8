package io.github.seckill.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.springframework.util.FileSystemUtils;

/** The one folder that holds every server's data and every log; {@code --fresh} empties it first. */
final class DataFolder {

    /** Marks a folder this launcher made, so that {@code --fresh} never deletes anything else. */
    private static final String MARKER = ".seckill-local-stack";

    private DataFolder() {
    }

    static void prepare(StackSettings settings) {
        Path data = settings.data();
        try {
            if (settings.fresh() && Files.isDirectory(data)) {
                if (!Files.exists(data.resolve(MARKER)) && !isEmpty(data)) {
                    throw new StackFailure("--fresh: refusing to delete " + data
                            + ": it was not made by the local stack (no " + MARKER + " file in it)");
                }
                FileSystemUtils.deleteRecursively(data);
                System.out.println("deleted " + data);
            }
            Files.createDirectories(settings.logs());
            if (!Files.exists(data.resolve(MARKER))) {
                Files.writeString(data.resolve(MARKER), "data of local-stack/run.sh; run.sh --fresh deletes it\n");
                Files.writeString(data.resolve(".gitignore"), "# local data, never committed\n*\n");
            }
        } catch (IOException e) {
            throw new StackFailure("cannot prepare the data folder " + data + ": " + e.getMessage(), e);
        }
        // the launcher's own log (and the embedded MariaDB's output); read once, at the first logger
        System.setProperty("seckill.stack.log", settings.logs().resolve("local-stack.log").toString());
        System.setProperty("logback.configurationFile", "io/github/seckill/stack/launcher-logback.xml");
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
