package dev.mnistlab.testing;

import dev.mnistlab.backend.Backends;
import dev.mnistlab.backend.ComputeThreads;
import dev.mnistlab.data.DatasetLoader;
import dev.mnistlab.data.DatasetSplits;
import dev.mnistlab.data.NamedDataset;
import dev.mnistlab.report.RunOutput;
import dev.mnistlab.train.ClassifierTrainer;
import dev.mnistlab.train.EpochCheckpoint;
import dev.mnistlab.train.TrainedModel;
import dev.mnistlab.train.TrainingProgress;
import dev.mnistlab.train.TrainingSpec;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Model folders trained on real MNIST (or another named set) for the tests of the modules over core:
 * on PyTorch, found at run time, so the module that calls this must have the PyTorch backend on its
 * test class path.
 */
public final class TrainedFolders {

    private TrainedFolders() {}

    /** Returns MNIST, from the build's data folder. */
    public static DatasetSplits mnist() throws IOException {
        return DatasetLoader.load(RealData.mnist(), NamedDataset.MNIST);
    }

    /** Trains the seed MLP for one epoch (about 0.93 accuracy) with a seed, into {@code folder}. */
    public static Path mlp(Path folder, int seed) throws IOException {
        return mlp(folder, NamedDataset.MNIST, mnist(), seed);
    }

    /** Trains the seed MLP for one epoch on a named dataset with a seed, into {@code folder}. */
    public static Path mlp(Path folder, NamedDataset dataset, DatasetSplits splits, int seed) throws IOException {
        TrainingSpec spec = TrainingSpec.builder()
                .optModel("mlp")
                .optDataset(dataset.id())
                .optEpochs(1)
                .optSeed(seed)
                .optThreads(new ComputeThreads(1))
                .build();
        try (TrainedModel trained = new ClassifierTrainer(Backends.get("pytorch"))
                .train(spec, splits, TrainingProgress.SILENT, EpochCheckpoint.NONE)) {
            RunOutput.save(trained, folder);
        }
        return folder;
    }
}
