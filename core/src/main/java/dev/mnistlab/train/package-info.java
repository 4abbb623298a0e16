/**
 * Training: the configuration value objects, the optimizers, and the loop that runs DJL's
 * {@link ai.djl.training.Trainer} over in-memory batches.
 *
 * <pre>{@code
 * TrainingSpec spec = TrainingSpec.builder().optModel("cnn").optEpochs(1).build();
 * try (TrainedModel trained = new ClassifierTrainer(Backends.get("pytorch"))
 *         .train(spec, DatasetLoader.load(dir, NamedDataset.MNIST), TrainingProgress.SILENT, EpochCheckpoint.NONE)) {
 *     System.out.println(trained.result().testAccuracy());
 * }
 * }</pre>
 */
package dev.mnistlab.train;
