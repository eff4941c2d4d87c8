package io.github.seckill.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class StackSettingsTest {

    private static final Path REPO = Path.of("/repo");

    @Test
    void startsLightAndNicesTheBackgroundByDefault() {
        StackSettings settings = StackSettings.from(new String[0], REPO, Map.of());

        assertThat(settings.jvm()).containsExactly("-Xms64m", "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC");
        assertThat(settings.backgroundNice()).isEqualTo(10);
        assertThat(settings.apiPort()).isEqualTo(8080);
    }

    @Test
    void jvmOptionsAndNicenessComeFromTheEnvironment() {
        StackSettings settings = StackSettings.from(new String[0], REPO,
                Map.of("SECKILL_JVM_OPTIONS", "  -Xms1g   -Xmx1g -XX:+UseParallelGC ", "SECKILL_BACKGROUND_NICE", "0"));

        assertThat(settings.jvm()).containsExactly("-Xms1g", "-Xmx1g", "-XX:+UseParallelGC");
        assertThat(settings.backgroundNice()).isZero();
    }

    @Test
    void aNicenessOutOfRangeIsRefusedWithItsName() {
        assertThatThrownBy(() -> StackSettings.from(new String[0], REPO, Map.of("SECKILL_BACKGROUND_NICE", "20")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SECKILL_BACKGROUND_NICE must be 0 to 19, not '20'");
        assertThatThrownBy(() -> StackSettings.from(new String[0], REPO, Map.of("SECKILL_BACKGROUND_NICE", "low")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nicenessZeroLeavesTheCommandAlone() {
        List<String> command = List.of("java", "-jar", "x.jar");

        assertThat(ChildProcess.niced(0, command)).isSameAs(command);
    }

    @Test
    void aNicedChildRunsAtThatNiceness() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")) && Files.isExecutable(Path.of("/bin/sleep")),
                "needs Linux's /proc");
        List<String> command = ChildProcess.niced(7, List.of("/bin/sleep", "30"));
        assumeTrue(command.size() > 2, "no nice on this system");
        Process child = new ProcessBuilder(command).start();
        try {
            // the child execs sleep in place of nice, so its own process carries the niceness
            org.awaitility.Awaitility.await().atMost(10, TimeUnit.SECONDS).until(
                    () -> Files.readString(Path.of("/proc", Long.toString(child.pid()), "cmdline")).startsWith("/bin/sleep"));
            // nice adds to the niceness the test itself runs at
            int expected = Math.min(19, niceness(Path.of("/proc/self/stat")) + 7);
            assertThat(niceness(Path.of("/proc", Long.toString(child.pid()), "stat"))).isEqualTo(expected);
        } finally {
            child.destroy();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Field 19 of /proc/<pid>/stat; the fields after the command's closing parenthesis start at 3. */
    private static int niceness(Path stat) throws java.io.IOException {
        String line = Files.readString(stat);
        return Integer.parseInt(line.substring(line.lastIndexOf(')') + 2).split(" ")[16]);
    }
}
