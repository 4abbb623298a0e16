package dev.mnistlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import dev.mnistlab.InputField;
import dev.mnistlab.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Several trained models of one architecture used as one ({@code train --ensemble K}): its block
 * runs every member on the same images and answers the log of their mean class probabilities, so
 * that the softmax any caller applies gives the members' averaged probabilities. Saved as one
 * model folder, it is used by {@code evaluate}, {@code predict}, {@code show}, the embedding API
 * and the HTTP service like any other model.
 *
 * @param member the members' architecture (not itself an ensemble)
 * @param members how many members, 2 to {@value #MAX_MEMBERS}
 */
public record EnsembleArchitecture(Architecture member, int members) implements Architecture {

    /** The most members an ensemble may have. */
    public static final int MAX_MEMBERS = 20;

    /** Validates the member count and that the member is a single model. */
    public EnsembleArchitecture {
        if (member instanceof EnsembleArchitecture) {
            throw new IllegalArgumentException("an ensemble's members cannot be ensembles");
        }
        if (members < 2 || members > MAX_MEMBERS) {
            throw new InvalidInputException(
                    InputField.ENSEMBLE, "ensemble must be between 2 and " + MAX_MEMBERS + ", got " + members);
        }
    }

    /** Returns {@code ensemble}. */
    @Override
    public String name() {
        return "ensemble";
    }

    @Override
    public Block newBlock(int classCount) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            blocks.add(member.newBlock(classCount));
        }
        return new ParallelBlock(EnsembleArchitecture::meanProbability, blocks);
    }

    /** The log of the members' mean softmax, through log-sum-exp so that no probability underflows. */
    private static NDList meanProbability(List<NDList> memberScores) {
        NDList logProbabilities = new NDList();
        for (NDList scores : memberScores) {
            logProbabilities.add(scores.singletonOrThrow().logSoftmax(1));
        }
        NDArray stacked = NDArrays.stack(logProbabilities);
        NDArray largest = stacked.max(new int[] {0}, true);
        NDArray summed = stacked.sub(largest).exp().sum(new int[] {0}).log();
        return new NDList(summed.add(largest.squeeze(0)).sub((float) Math.log(memberScores.size())));
    }

    @Override
    public WeightInit weightInit() {
        return member.weightInit();
    }

    @Override
    public long forwardFlops() {
        return members * member.forwardFlops();
    }

    @Override
    public long parameterCount(int classCount) {
        return members * member.parameterCount(classCount);
    }

    @Override
    public long largestParameterArray() {
        return member.largestParameterArray();
    }

    @Override
    public long activationsPerImage() {
        return members * member.activationsPerImage();
    }

    /** The member's: members run one after another, each on the whole pass. */
    @Override
    public int imagesPerPass() {
        return member.imagesPerPass();
    }
}
