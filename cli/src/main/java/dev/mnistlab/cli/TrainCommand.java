package dev.mnistlab.cli;

import com.google.gson.JsonObject;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.Plural;
import dev.mnistlab.backend.Backend;
import dev.mnistlab.backend.Backends;
import dev.mnistlab.backend.ComputeThreads;
import dev.mnistlab.backend.DeviceChoice;
import dev.mnistlab.data.DatasetSplits;
import dev.mnistlab.files.AtomicFolder;
import dev.mnistlab.model.EnsembleArchitecture;
import dev.mnistlab.pictures.TrainingCurves;
import dev.mnistlab.report.MetricsReport;
import dev.mnistlab.report.RunOutput;
import dev.mnistlab.train.ClassifierTrainer;
import dev.mnistlab.train.EnsembleTrainer;
import dev.mnistlab.train.EpochCheckpoint;
import dev.mnistlab.train.TrainedEnsemble;
import dev.mnistlab.train.TrainedModel;
import dev.mnistlab.train.TrainingCheckpoint;
import dev.mnistlab.train.TrainingDivergedException;
import dev.mnistlab.train.TrainingProgress;
import dev.mnistlab.train.TrainingResult;
import dev.mnistlab.train.TrainingSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mnistlab train}: trains a model on one engine and reports per-epoch and final figures. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        header = "Train a classifier, evaluating it on the test set after every epoch.",
        description = {
            "Train a classifier and evaluate it on the test set after every epoch. Defaults reproduce "
                    + "the Keras tutorial: MLP 784-32-10, RMSprop lr 0.001 rho 0.9 eps 1e-8, batch 32, 2 epochs "
                    + "(test accuracy about 0.947). --model cnn defaults to Adam lr 0.001, batch 64, 1 epoch.",
            ""
        },
        footer = {
            "",
            "The dataset folder is found in this order: --data-dir, $MNISTLAB_DATA_DIR/<dataset>,",
            "~/.mnistlab/datasets/<dataset>, system folders (/usr/share/datasets/fashion-mnist), then a download.",
            "",
            "Examples:",
            "  mnistlab train --data-dir ../shared/data/mnist",
            "  mnistlab train --engine mxnet --model cnn --epochs 1 --output runs/cnn-mx",
            "  mnistlab train --dataset fashion-mnist --hidden 128,64 --optimizer adam",
            "  mnistlab train --model cnn --epochs 20 --lr-schedule one-cycle --validation 0.1 --patience 3 --keep best",
            "  mnistlab train --recipe fashion-mnist --output runs/fashion      # 94.1%% in 9 minutes on 2 cores",
            "  mnistlab train --resume runs/cnn-mx --epochs 3     # continue a run, after a crash or for more epochs"
        })
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(
            names = "--engine",
            defaultValue = Backends.DEFAULT,
            paramLabel = "NAME",
            description = "Engine: pytorch or mxnet (default: ${DEFAULT-VALUE}). 'mnistlab engines' lists them.")
    String engine;

    @Option(
            names = "--model",
            paramLabel = "NAME",
            description = "Model: mlp, cnn or cnn-bn (a CNN with batch normalisation and dropout)"
                    + " (default: mlp; a recipe's cnn-bn).")
    String model;

    @Option(
            names = "--recipe",
            paramLabel = "NAME",
            description = "Start from a tuned setup, mnist or fashion-mnist: cnn-bn, adamw, one-cycle, label"
                    + " smoothing, augmentation, 15 epochs (docs/recipes.md). Options given beside it win"
                    + " (default: none).")
    String recipe;

    @Option(
            names = "--hidden",
            split = ",",
            paramLabel = "WIDTHS",
            description = "MLP hidden layer widths, comma-separated (default: 32).")
    List<Integer> hidden;

    @Mixin
    RunOptions run;

    @Mixin
    DataOptions data;

    @Option(
            names = "--optimizer",
            paramLabel = "NAME",
            description = "rmsprop, adam, adamw or sgd (default: rmsprop; cnn adam). A setting the optimizer does"
                    + " not use (--rho with adam) is an error.")
    String optimizer;

    @Option(
            names = "--learning-rate",
            paramLabel = "LR",
            description = "Learning rate, above 0 and at most 10 (default: 0.001; sgd 0.01).")
    Double learningRate;

    @Option(names = "--rho", paramLabel = "R", description = "RMSprop decay, 0 to below 1 (default: 0.9).")
    Double rho;

    @Option(names = "--beta1", paramLabel = "B", description = "Adam first-moment decay, 0 to below 1 (default: 0.9).")
    Double beta1;

    @Option(
            names = "--beta2",
            paramLabel = "B",
            description = "Adam second-moment decay, 0 to below 1 (default: 0.999).")
    Double beta2;

    @Option(
            names = "--epsilon",
            paramLabel = "E",
            description = "RMSprop/Adam epsilon, above 0 and at most 1 (default: 1e-8).")
    Double epsilon;

    @Option(names = "--momentum", paramLabel = "M", description = "SGD momentum, 0 to below 1 (default: 0).")
    Double momentum;

    @Option(
            names = "--weight-decay",
            paramLabel = "W",
            description = "AdamW decoupled weight decay, 0 to 1 (default: 0.01).")
    Double weightDecay;

    @Mixin
    TrainingControlOptions controls;

    @Option(
            names = "--device",
            defaultValue = "auto",
            paramLabel = "WHERE",
            description =
                    "auto, cpu or gpu (default: ${DEFAULT-VALUE}: a GPU if the engine sees one). See docs/gpu.md.")
    String device;

    @Option(
            names = "--ensemble",
            paramLabel = "K",
            description = "Train K models, 2 to 20, with seeds --seed, --seed + 1, ... one after the other, and"
                    + " save them as one model that averages their probabilities (default: one model). Only the"
                    + " finished ensemble is saved; it cannot be resumed.")
    Integer ensemble;

    @Option(
            names = "--resume",
            paramLabel = "DIR",
            description = "Continue the run saved in DIR (by --output) from its last completed epoch, up to --epochs"
                    + " (default: the epochs it was started with). Other settings come from DIR; the data from --data-dir,"
                    + " else from the folder the run was trained on while that is there, else the search.")
    Path resume;

    @Option(
            names = "--output",
            paramLabel = "DIR",
            description =
                    "Write the model folder DIR after every epoch: model.json, parameters (DJL .params), metrics.json,"
                            + " curves.png, optimizer state. An earlier model folder there is replaced; a folder of other files"
                            + " is refused (default: none, nothing is written).")
    Path output;

    private static final List<String> RESUME_OPTIONS = List.of(
            "--resume",
            "--epochs",
            "--engine",
            "--device",
            "--threads",
            "--data-dir",
            "--verbose",
            "--quiet",
            "--json");

    @Override
    public Integer call() throws IOException {
        return resume == null ? trainAnew() : continueRun();
    }

    private TrainingSpec specFromOptions() {
        return controls.applyTo(run.applyTo(TrainingSpec.builder()))
                .optRecipe(recipe)
                .optModel(model)
                .optHidden(hidden)
                .optOptimizer(optimizer)
                .optLearningRate(learningRate)
                .optRho(rho)
                .optBeta1(beta1)
                .optBeta2(beta2)
                .optEpsilon(epsilon)
                .optMomentum(momentum)
                .optWeightDecay(weightDecay)
                .optDevice(device)
                .build();
    }

    private int trainAnew() throws IOException {
        TrainingSpec trainingSpec = specFromOptions();
        if (ensemble != null) {
            new EnsembleArchitecture(trainingSpec.architecture(), ensemble);
        }
        if (output != null) {
            RunOutput.requireWritable(output);
        }
        Backend backend = Backends.get(engine);
        // Threads first: MXNet fixes its count when it starts, which resolving the device does.
        trainingSpec.threads().applyTo(backend, trainingSpec.architecture().forwardFlops());
        DeviceResolver.resolve(
                trainingSpec.device(), backend, spec.commandLine().getErr());
        PrintWriter out = common.text(spec);
        ConsoleProgress progress = common.progress(spec);
        DatasetSplits splits = data.load(trainingSpec.dataset(), progress);
        out.println(RunSummary.describe(trainingSpec, backend, splits));
        out.flush();
        if (ensemble != null) {
            return trainEnsemble(trainingSpec, backend, splits, progress);
        }
        EpochCheckpoint checkpoint =
                output == null ? EpochCheckpoint.NONE : RunOutput.checkpointInto(output, TrainingCurves.IN_RUN_FOLDER);
        try (StopNotice stopNotice = new StopNotice(spec.commandLine().getErr(), output, 0);
                TrainedModel trained = new ClassifierTrainer(backend)
                        .train(trainingSpec, splits, progress, stopNotice.counting(checkpoint))) {
            report(trained.result(), output);
        } catch (TrainingDivergedException e) {
            throw withWhatWasKept(e, output);
        }
        return 0;
    }

    private int trainEnsemble(
            TrainingSpec trainingSpec, Backend backend, DatasetSplits splits, ConsoleProgress progress)
            throws IOException {
        PrintWriter out = common.text(spec);
        EnsembleTrainer.EnsembleProgress members = new EnsembleTrainer.EnsembleProgress() {
            @Override
            public TrainingProgress member(int member, int count, int seed) {
                out.printf(Locale.ROOT, "Member %d of %d, seed %d%n", member, count, seed);
                out.flush();
                return progress;
            }

            @Override
            public void memberDone(int member, TrainingResult result) {
                out.printf(
                        Locale.ROOT,
                        "Member %d: test accuracy %.4f, test loss %.4f (%.1f s)%n",
                        member,
                        result.testAccuracy(),
                        result.testLoss(),
                        result.trainSeconds());
                out.flush();
            }
        };
        // Says on Ctrl-C that nothing was saved: only the finished ensemble is.
        StopNotice stopNotice = StopNotice.forEnsemble(spec.commandLine().getErr());
        try (stopNotice;
                TrainedEnsemble trained = new EnsembleTrainer(new ClassifierTrainer(backend))
                        .train(trainingSpec, ensemble, splits, members)) {
            if (output != null) {
                RunOutput.saveEnsemble(trained, output);
            }
            JsonObject json = MetricsReport.toJson(trained);
            json.addProperty("output", output == null ? null : output.toString());
            common.printJson(spec, () -> json);
            out.printf(
                    Locale.ROOT,
                    "Ensemble of %d: test accuracy %.4f, test loss %.4f (members %.4f to %.4f; training %.1f s on %s)%n",
                    ensemble,
                    trained.test().accuracy(),
                    trained.test().loss(),
                    trained.members().stream()
                            .mapToDouble(TrainingResult::testAccuracy)
                            .min()
                            .orElseThrow(),
                    trained.members().stream()
                            .mapToDouble(TrainingResult::testAccuracy)
                            .max()
                            .orElseThrow(),
                    trained.members().stream()
                            .mapToDouble(TrainingResult::trainSeconds)
                            .sum(),
                    backend.name());
            out.println(
                    output != null
                            ? "Wrote model folder " + output + " (one model averaging " + ensemble
                                    + "); 'mnistlab evaluate" + " --model " + output + "' scores it on any engine"
                            : "The ensemble was not kept: add --output DIR to save it for evaluate, predict and serve");
            out.flush();
        } catch (TrainingDivergedException e) {
            throw withWhatWasKept(e, null);
        }
        return 0;
    }

    private int continueRun() throws IOException {
        for (var option : spec.commandLine().getParseResult().matchedOptions()) {
            if (!RESUME_OPTIONS.contains(option.longestName())) {
                throw new InvalidInputException(option.longestName() + " cannot be changed when resuming: the run's"
                        + " settings come from " + resume + "; only " + String.join(", ", RESUME_OPTIONS.subList(1, 6))
                        + " may be given with --resume");
            }
        }
        AtomicFolder.recover(resume);
        TrainingCheckpoint from = TrainingCheckpoint.read(resume);
        TrainingSpec continued =
                from.continuedTo(run.epochs != null ? run.epochs : from.spec().epochs());
        if (run.threads != null) {
            continued = continued.withThreads(ComputeThreads.parse(run.threads));
        }
        Backend backend = Backends.get(engine);
        continued.threads().applyTo(backend, continued.architecture().forwardFlops());
        DeviceChoice deviceChoice = DeviceChoice.parse(device);
        DeviceResolver.resolve(deviceChoice, backend, spec.commandLine().getErr());
        PrintWriter out = common.text(spec);
        ConsoleProgress progress = common.progress(spec);
        DatasetSplits splits = data.loadForResume(from.spec().dataset(), from.dataFolder(), progress);
        out.printf(
                Locale.ROOT,
                "Resuming %s after epoch %d of %d, up to epoch %d%n",
                resume,
                from.completed().size(),
                from.spec().epochs(),
                continued.epochs());
        out.flush();
        try (StopNotice stopNotice = new StopNotice(
                        spec.commandLine().getErr(), resume, from.completed().size());
                TrainedModel trained = new ClassifierTrainer(backend)
                        .resume(
                                from,
                                continued,
                                deviceChoice,
                                splits,
                                progress,
                                stopNotice.counting(RunOutput.checkpointInto(resume, TrainingCurves.IN_RUN_FOLDER)))) {
            report(trained.result(), resume);
        } catch (TrainingDivergedException e) {
            throw withWhatWasKept(e, resume);
        }
        return 0;
    }

    /** Adds where the last epoch with a finite loss is, if one was saved, to the divergence's message. */
    private static InvalidInputException withWhatWasKept(TrainingDivergedException e, Path folder) {
        String kept = folder == null
                ? " (nothing was saved; --output keeps each finished epoch)"
                : e.completedEpochs() == 0
                        ? " (no epoch finished, so nothing was saved)"
                        : " (" + folder + " keeps epoch " + e.completedEpochs() + ", the last with a finite loss)";
        return new InvalidInputException(e.getMessage() + kept, e);
    }

    private void report(TrainingResult result, Path written) {
        JsonObject json = MetricsReport.toJson(result);
        json.addProperty("output", written == null ? null : written.toString());
        common.printJson(spec, () -> json);
        PrintWriter out = common.text(spec);
        RunSummary.validationOutcome(result).ifPresent(out::println);
        out.printf(
                Locale.ROOT,
                "Test accuracy %.4f, test loss %.4f (training %.1f s on %s %s, %s, %s)%n",
                result.testAccuracy(),
                result.testLoss(),
                result.trainSeconds(),
                result.backend().name(),
                result.backend().engineVersion(),
                result.device(),
                Plural.count(result.provenance().computeThreads(), "thread"));
        if (written != null) {
            out.println("Wrote model folder " + written
                    + " (model.json, parameters, metrics.json, curves.png, optimizer state);"
                    + " 'mnistlab evaluate --model " + written + "' scores it on any engine");
        } else {
            out.println("The model was not kept: add --output DIR (e.g. --output runs/"
                    + result.spec().architecture().name() + ") to save it for evaluate, predict and --resume");
        }
        out.flush();
    }
}
