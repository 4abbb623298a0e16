/**
 * Training: the configuration value objects, the optimizers, and the loop that runs DJL's
 * {@link ai.djl.training.Trainer} over mnistlab's datasets, with DJL training listeners, checkpoints
 * and cancellation.
 *
 * <pre>{@code
 * TrainingSpec spec = TrainingSpec.builder().optModel("cnn").optEpochs(1).build();
 * try (TrainedModel trained = new ClassifierTrainer(Backends.get("pytorch")).train(spec, DatasetLoader.load("mnist"))) {
 *     System.out.println(trained.result().testAccuracy());
 * }
 * }</pre>
 */
package dev.mnistlab.train;
