package dev.mnistlab.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnistlab.backend.Backends;
import dev.mnistlab.backend.ComputeThreads;
import dev.mnistlab.data.ImageSet;
import dev.mnistlab.infer.DigitClassifier;
import dev.mnistlab.infer.MnistPreprocessor;
import dev.mnistlab.report.RunOutput;
import dev.mnistlab.testing.DocSection;
import dev.mnistlab.testing.TrainedFolders;
import dev.mnistlab.train.ClassifierTrainer;
import dev.mnistlab.train.EpochCheckpoint;
import dev.mnistlab.train.TrainedModel;
import dev.mnistlab.train.TrainingProgress;
import dev.mnistlab.train.TrainingSpec;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The draw-a-digit page in headless Chromium (Debian's {@code chromium} and {@code chromedriver};
 * nothing is downloaded), against a service with a CNN trained for one epoch: digits drawn with
 * pointer strokes are answered as what they are, a photo upload is answered as the in-process
 * classifier answers it, and the model picker switches models.
 */
class DrawPageIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOT = Path.of("../docs/images/serve.png");

    @TempDir
    static Path temp;

    static MnistlabServer server;
    static Path cnn;
    static WebDriver browser;

    @BeforeAll
    static void start() throws IOException {
        requireBrowser();
        cnn = temp.resolve("cnn");
        TrainingSpec spec = TrainingSpec.builder()
                .optModel("cnn")
                .optSeed(42)
                .optThreads(ComputeThreads.AUTO)
                .build();
        try (TrainedModel trained = new ClassifierTrainer(Backends.get("pytorch"))
                .train(spec, TrainedFolders.mnist(), TrainingProgress.SILENT, EpochCheckpoint.NONE)) {
            RunOutput.save(trained, cnn);
        }
        Path mlp = TrainedFolders.mlp(temp.resolve("mlp"), 1);
        server = MnistlabServer.builder()
                .addModel("cnn", cnn)
                .addModel("mlp", mlp)
                .optPort(0)
                .start();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1000,700");
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void openPage() {
        browser.get(server.uri().toString());
        waitUntil(() -> browser.findElements(By.cssSelector("#model option")).size() == 2);
    }

    @Test
    void drawnDigitsAreAnsweredAsWhatTheyAre() throws IOException {
        draw(new int[][] {{0, -110}, {0, 110}});
        assertTopClass("1");
        clear();
        draw(new int[][] {{-80, -100}, {80, -100}, {-20, 110}});
        assertTopClass("7");
        clear();
        draw(ellipse(70, 105));
        assertTopClass("0");
        assertTrue(browser.findElement(By.id("seen")).isDisplayed(), "the 28x28 image is shown");
        clear();
        draw(new int[][] {{-70, -80}, {-30, -110}, {40, -105}, {70, -60}, {30, -10}, {-70, 100}, {80, 100}});
        assertTopClass("2");
        keepScreenshot();
    }

    @Test
    void anUploadedPhotoIsAnsweredAsTheLibraryAnswersIt() throws IOException {
        ImageSet test = TrainedFolders.mnist().test();
        Path photo = temp.resolve("photo.jpg");
        ImageIO.write(paperPhoto(test.scaledImage(11)), "jpg", photo.toFile());
        String expected;
        try (DigitClassifier classifier = DigitClassifier.open(cnn, Backends.get("pytorch"))) {
            expected = classifier.classify(photo, 1).best().name();
        }
        browser.findElement(By.id("file")).sendKeys(photo.toAbsolutePath().toString());
        assertTopClass(expected);
    }

    @Test
    void thePickerSwitchesModels() {
        draw(new int[][] {{0, -110}, {0, 110}});
        waitUntil(() -> browser.findElement(By.id("meta")).getText().startsWith("model cnn"));
        new Select(browser.findElement(By.id("model"))).selectByValue("mlp");
        waitUntil(() -> browser.findElement(By.id("meta")).getText().startsWith("model mlp"));
        assertTopClass("1");
    }

    @Test
    void thePageFitsAPhoneAndADesktop() {
        for (Dimension size : List.of(new Dimension(390, 844), new Dimension(1280, 800))) {
            browser.manage().window().setSize(size);
            browser.get(server.uri().toString());
            waitUntil(
                    () -> browser.findElements(By.cssSelector("#model option")).size() == 2);
            JavascriptExecutor page = (JavascriptExecutor) browser;
            long overflow = (Long) page.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertEquals(0, overflow, "horizontal scrolling at " + size);
            Rectangle canvas = browser.findElement(By.id("canvas")).getRect();
            long viewport = (Long) page.executeScript("return document.documentElement.clientWidth;");
            assertTrue(canvas.getX() >= 0 && canvas.getX() + canvas.getWidth() <= viewport, "canvas " + canvas);
            assertTrue(canvas.getWidth() >= 200, "a canvas large enough to draw on: " + canvas);
        }
        browser.manage().window().setSize(new Dimension(1000, 700));
    }

    /** Draws strokes given as points relative to the canvas's centre, in CSS pixels. */
    private void draw(int[][]... strokes) {
        WebElement canvas = browser.findElement(By.id("canvas"));
        for (int[][] stroke : strokes) {
            Actions actions = new Actions(browser)
                    .moveToElement(canvas, stroke[0][0], stroke[0][1])
                    .clickAndHold();
            for (int i = 1; i < stroke.length; i++) {
                int[] from = stroke[i - 1];
                int[] to = stroke[i];
                for (int step = 1; step <= 8; step++) {
                    actions.moveToElement(
                            canvas, from[0] + (to[0] - from[0]) * step / 8, from[1] + (to[1] - from[1]) * step / 8);
                }
            }
            actions.release().perform();
        }
    }

    private static int[][] ellipse(int radiusX, int radiusY) {
        int[][] points = new int[33][];
        for (int i = 0; i <= 32; i++) {
            double angle = 2 * Math.PI * i / 32;
            points[i] = new int[] {(int) (radiusX * Math.sin(angle)), (int) (-radiusY * Math.cos(angle))};
        }
        return points;
    }

    private void clear() {
        browser.findElement(By.id("clear")).click();
        waitUntil(() -> browser.findElements(By.cssSelector("#top li")).isEmpty());
    }

    private void assertTopClass(String expected) {
        waitUntil(() -> expected.equals(topClass()));
        assertEquals(expected, topClass());
    }

    /** The top class shown now (read in one script, as the list is rebuilt with every answer). */
    private String topClass() {
        return (String) ((JavascriptExecutor) browser)
                .executeScript(
                        "const first = document.querySelector('#top li'); return first && first.dataset.className;");
    }

    private void waitUntil(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> condition.getAsBoolean());
    }

    /** A digit as a phone photo of paper shows it: dark ink on light grey, large, in JPEG. */
    private static BufferedImage paperPhoto(float[] digit) {
        BufferedImage small = MnistPreprocessor.toImage(digit);
        BufferedImage photo = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setColor(new Color(228, 226, 220));
        g.fillRect(0, 0, 400, 300);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        BufferedImage ink = new BufferedImage(28, 28, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                int level = small.getRaster().getSample(x, y, 0);
                ink.setRGB(x, y, (level << 24) | 0x202428);
            }
        }
        g.drawImage(ink, 110, 60, 196, 196, null);
        g.dispose();
        return photo;
    }

    /** Keeps the page's picture for docs/images/serve.png when docs are being updated. */
    private void keepScreenshot() throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path kept = Boolean.getBoolean(DocSection.UPDATE_PROPERTY) ? SCREENSHOT : temp.resolve("serve.png");
        Files.createDirectories(kept.toAbsolutePath().getParent());
        Files.copy(shot.toPath(), kept, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void requireBrowser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String message = "the page test needs Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                    + CHROMEDRIVER + "): apt-get install chromium chromium-driver";
            if (Boolean.parseBoolean(System.getenv(dev.mnistlab.testing.RealData.REQUIRE_VARIABLE))) {
                throw new AssertionError(message);
            }
            org.junit.jupiter.api.Assumptions.assumeTrue(false, message);
        }
    }
}
