package dev.mnistlab.train;

import ai.djl.Model;
import ai.djl.nn.Parameter;
import ai.djl.util.PairList;
import dev.mnistlab.data.DatasetSplits;
import dev.mnistlab.eval.Evaluation;
import dev.mnistlab.eval.ModelEvaluator;
import dev.mnistlab.model.EnsembleArchitecture;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains an ensemble: the same spec K times, with seeds {@code seed}, {@code seed + 1}, ..., one
 * member after the other, then puts the members together as one model whose answer is their
 * averaged probabilities ({@link EnsembleArchitecture}).
 *
 * <pre>{@code
 * try (TrainedEnsemble five = new EnsembleTrainer(new ClassifierTrainer(backend))
 *         .train(TrainingSpec.builder().optRecipe("mnist").build(), 5, data, EnsembleProgress.SILENT)) {
 *     RunOutput.saveEnsemble(five, Path.of("runs/mnist-x5"));
 * }
 * }</pre>
 *
 * <p>Each member is an ordinary run of the {@link ClassifierTrainer} (its listeners and
 * cancellation apply), and is reproducible alone with its seed. Only the finished ensemble is
 * saved: a member's run keeps no checkpoint.
 */
public final class EnsembleTrainer {

    private final ClassifierTrainer trainer;

    /**
     * Creates an ensemble trainer.
     *
     * @param trainer trains each member
     */
    public EnsembleTrainer(ClassifierTrainer trainer) {
        this.trainer = trainer;
    }

    /** Hears about each member's training. */
    public interface EnsembleProgress {
        /** Reports nothing. */
        EnsembleProgress SILENT = new EnsembleProgress() {};

        /**
         * Returns the progress of one member's run.
         *
         * @param member the member's number, from 1
         * @param members how many members there are
         * @param seed the member's seed
         */
        default TrainingProgress member(int member, int members, int seed) {
            return TrainingProgress.SILENT;
        }

        /**
         * Called when a member has finished training.
         *
         * @param member the member's number, from 1
         * @param result its run's result
         */
        default void memberDone(int member, TrainingResult result) {}
    }

    /**
     * Trains the members and puts them together.
     *
     * @param spec every member's spec; member {@code i} (from 0) trains with seed {@code spec.seed() + i}
     * @param members how many members, 2 to {@value EnsembleArchitecture#MAX_MEMBERS}
     * @param data training and test images
     * @param progress hears about each member
     * @return the ensemble, which the caller must close
     * @throws dev.mnistlab.InvalidInputException if the member count is out of range
     * @throws TrainingCancelledException if a member's run was cancelled
     */
    public TrainedEnsemble train(TrainingSpec spec, int members, DatasetSplits data, EnsembleProgress progress) {
        EnsembleArchitecture architecture = new EnsembleArchitecture(spec.architecture(), members);
        int classes = data.classNames().size();
        Model ensemble = architecture.newModel(
                classes,
                spec.device().resolve(trainer.backend()),
                trainer.backend().engineName());
        try {
            PairList<String, Parameter> slots = ensemble.getBlock().getParameters();
            int perMember = slots.size() / members;
            List<TrainingResult> results = new ArrayList<>();
            for (int i = 0; i < members; i++) {
                int seed = spec.seed() + i;
                TrainingSpec memberSpec = spec.withSeed(seed);
                try (TrainedModel member =
                        trainer.train(memberSpec, data, progress.member(i + 1, members, seed), EpochCheckpoint.NONE)) {
                    ParameterCopy.copy(member.model(), slots, i * perMember);
                    results.add(member.result());
                    progress.memberDone(i + 1, member.result());
                }
            }
            Evaluation test = ModelEvaluator.evaluate(ensemble, data.test(), architecture.imagesPerPass(), classes)
                    .summary();
            return new TrainedEnsemble(ensemble, architecture, results, test);
        } catch (RuntimeException | Error e) {
            ensemble.close();
            throw e;
        }
    }
}
