package dev.mnistlab.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import dev.mnistlab.data.DatasetLoader;
import dev.mnistlab.data.DatasetSplits;
import dev.mnistlab.data.NamedDataset;
import dev.mnistlab.testing.RealData;
import dev.mnistlab.testing.TrainedFolders;
import dev.mnistlab.train.TrainingSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Fashion-MNIST model answers with item names, over both protocols. */
class FashionNamesIT {

    @TempDir
    Path temp;

    @Test
    void aFashionModelAnswersWithItemNames() throws Exception {
        DatasetSplits fashion = DatasetLoader.load(RealData.fashionMnist(), NamedDataset.FASHION_MNIST);
        Path folder = TrainedFolders.mlp(
                temp.resolve("fashion"), NamedDataset.FASHION_MNIST, fashion, TrainingSpec.DEFAULT_SEED);
        try (MnistlabServer server =
                MnistlabServer.builder().addModel("fashion", folder).optPort(0).start()) {
            Http http = new Http(server.uri());
            JsonArray ranked = http.post("predictions/fashion?topk=10", Pngs.of(fashion.test(), 0), "image/png")
                    .json()
                    .getAsJsonArray();
            assertEquals(10, ranked.size());
            for (int k = 0; k < 10; k++) {
                String name = ranked.get(k).getAsJsonObject().get("className").getAsString();
                assertTrue(NamedDataset.FASHION_MNIST.classNames().contains(name), name);
            }
            assertEquals(
                    NamedDataset.FASHION_MNIST.classNames(),
                    http
                            .get("models/fashion")
                            .json()
                            .getAsJsonArray()
                            .get(0)
                            .getAsJsonObject()
                            .getAsJsonArray("classNames")
                            .asList()
                            .stream()
                            .map(element -> element.getAsString())
                            .toList());
        }
    }
}
