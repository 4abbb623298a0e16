package dev.mnistlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.train.TrainingSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepGridTest {

    @TempDir
    Path dir;

    @Test
    void aRecipeGridTrainsWhatTrainRecipeTrainsWithEachSeed() throws IOException {
        Path file = Files.writeString(
                dir.resolve("grid.json"),
                "{\"engines\": [\"mxnet\"], \"recipe\": \"fashion-mnist\", \"seeds\": [3, 4]}");
        SweepGrid grid = SweepGrid.read(file, 1);
        assertEquals("fashion-mnist", grid.dataset());
        assertEquals(List.of("cnn-bn"), grid.models());
        List<TrainingSpec> specs = grid.specs();
        assertEquals(2, specs.size());
        for (int i = 0; i < specs.size(); i++) {
            TrainingSpec expected = TrainingSpec.builder()
                    .optRecipe("fashion-mnist")
                    .optSeed(3 + i)
                    .optThreads(specs.get(i).threads())
                    .build();
            assertEquals(expected, specs.get(i));
        }
    }

    @Test
    void aGridsOwnSettingsWinOverItsRecipes() throws IOException {
        Path file = Files.writeString(
                dir.resolve("grid.json"),
                "{\"engines\": [\"pytorch\"], \"recipe\": \"mnist\", \"models\": [\"cnn\"], \"seeds\": [1],"
                        + " \"epochs\": 2, \"dataset\": \"fashion-mnist\"}");
        TrainingSpec spec = SweepGrid.read(file, 1).specs().get(0);
        assertEquals("cnn", spec.architecture().name());
        assertEquals(2, spec.epochs());
        assertEquals("fashion-mnist", spec.dataset().id());
        assertEquals(TrainingSpec.builder().optRecipe("mnist").build().augmentation(), spec.augmentation());
    }

    @Test
    void anUnknownRecipeIsNamedWithItsFile() throws IOException {
        Path file = Files.writeString(
                dir.resolve("grid.json"), "{\"engines\": [\"pytorch\"], \"recipe\": \"cifar\", \"seeds\": [1]}");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SweepGrid.read(file, 1));
        assertEquals(file + ": recipe 'cifar' is unknown: choose one of mnist, fashion-mnist", e.getMessage());
    }
}
