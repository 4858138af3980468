package org.gridwarden.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.gridwarden.report.DailyReport;
import org.gridwarden.report.SvgCharts;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report page renders in a real browser: headless Chromium takes a screenshot of it, which must show the
 * page with its SVG charts. Chromium is required, not optional: {@code .ci/run} installs Debian's package.
 */
class DailyReportInChromiumTest {

    private static final int WIDTH = 1280;
    private static final int HEIGHT = 2400;

    @TempDir
    Path dir;

    @Test
    void thePageRendersInHeadlessChromium_withItsCharts() throws Exception {
        Path alerts = dir.resolve("replay/alerts");
        Files.createDirectories(alerts);
        Files.copy(Fixtures.sampleData().resolve("scenarios/district-week/expected-alerts.jsonl"),
                alerts.resolve("all.jsonl"));
        DailyReport.Written report = DailyReport.write(alerts.getParent(), LocalDate.parse("2026-11-19"),
                dir.resolve("report"), Fixtures.reference());

        Path png = dir.resolve("daily-report.png");
        Path log = dir.resolve("chromium.log");
        Process chromium = new ProcessBuilder(chromium().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--user-data-dir=" + dir.resolve("profile"), "--screenshot=" + png,
                "--window-size=" + WIDTH + "," + HEIGHT, report.html().toUri().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!chromium.waitFor(120, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
            fail("Chromium did not finish the screenshot within 120 s:\n" + Files.readString(log));
        }
        assertEquals(0, chromium.exitValue(), Files.readString(log));

        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(WIDTH, image.getWidth());
        assertEquals(HEIGHT, image.getHeight());
        assertTrue(Files.size(png) > 20_000, "a page of text and charts, not a blank image: " + Files.size(png) + " bytes");
        // the charts' day bars are the only areas in this colour: thousands of pixels when the SVG rendered
        int barPixels = pixels(image, Integer.parseInt(SvgCharts.TODAY_COLOUR.substring(1), 16));
        assertTrue(barPixels > 2_000, "chart bars drawn: " + barPixels + " pixels");
    }

    /** Debian's chromium, else one on the PATH; fails (does not skip) without it. */
    private static Path chromium() {
        for (Path candidate : List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"))) {
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        for (String entry : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(entry, "chromium");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return fail("headless Chromium is needed to check that the daily report renders, and none was found"
                + " (/usr/bin/chromium or chromium on the PATH); on Debian: apt-get install -y"
                + " --no-install-recommends chromium (.ci/run does this)");
    }

    /** Pixels within a small distance of {@code rgb}, allowing for colour rounding. */
    private static int pixels(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff)) <= 3
                        && Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff)) <= 3
                        && Math.abs((p & 0xff) - (rgb & 0xff)) <= 3) {
                    count++;
                }
            }
        }
        return count;
    }
}
