package dev.mnistlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mnistlab.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Descriptor problems are found before any engine is involved. */
class ModelFolderTest {

    @TempDir
    Path dir;

    private String rejected(Path folder) {
        return assertThrows(InvalidInputException.class, () -> ModelFolder.readDescriptor(folder))
                .getMessage();
    }

    @Test
    void missingFolder() {
        Path absent = dir.resolve("absent");
        assertEquals(
                "modelFolder " + absent + " does not exist; give a folder that a training run saved", rejected(absent));
    }

    @Test
    void folderWithoutDescriptor() {
        assertEquals(
                "modelFolder " + dir + " has no model.json; is it a folder that a training run saved?", rejected(dir));
    }

    @Test
    void malformedDescriptor() throws IOException {
        Files.writeString(dir.resolve("model.json"), "{\"format\": \"mnistlab-model/1\", \"architecture\": ");
        assertEquals(
                dir.resolve("model.json") + ": not valid JSON (line 1, column 48); save the model again",
                rejected(dir));
        Files.writeString(dir.resolve("model.json"), "{\"format\": \"mnistlab-model/1\"}");
        assertEquals(
                dir.resolve("model.json") + ": malformed (a field is missing or has the wrong type); save the model"
                        + " again",
                rejected(dir));
    }

    @Test
    void unknownFormat() throws IOException {
        Files.writeString(dir.resolve("model.json"), "{\"format\": \"other/7\"}");
        assertEquals(
                dir.resolve("model.json") + ": format 'other/7' is not mnistlab-model/1; this mnistlab cannot"
                        + " read it",
                rejected(dir));
    }

    @Test
    void readsArchitectureDatasetAndClasses() throws IOException {
        Files.writeString(
                dir.resolve("model.json"),
                "{\"format\": \"mnistlab-model/1\", \"architecture\":"
                        + " {\"name\": \"mlp\", \"hidden\": [64, 16]}, \"dataset\": \"fashion-mnist\", \"classNames\":"
                        + " [\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\"]}");
        ModelDescriptor descriptor = ModelFolder.readDescriptor(dir);
        assertEquals(new MlpArchitecture(java.util.List.of(64, 16)), descriptor.architecture());
        assertEquals("fashion-mnist", descriptor.dataset());
        assertEquals("j", descriptor.classNames().get(9));
    }
}
