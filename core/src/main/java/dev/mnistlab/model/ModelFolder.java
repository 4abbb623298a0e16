package dev.mnistlab.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.mnistlab.InputField;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.backend.Backend;
import dev.mnistlab.files.FileKind;
import dev.mnistlab.files.FiniteJson;
import dev.mnistlab.files.InputFiles;
import dev.mnistlab.files.JsonText;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A self-describing model folder: {@code model.json} (architecture, input, class names, dataset,
 * and whatever the writer adds about training) beside the parameters in DJL's {@code .params}
 * format, which every engine reads. Loading needs only the folder.
 *
 * <pre>{@code
 * try (Model model = ModelFolder.load(Path.of("runs/cnn"), Backends.get("mxnet"), Device.cpu())) { ... }
 * }</pre>
 */
public final class ModelFolder {

    /** The descriptor's file name. */
    public static final String DESCRIPTOR_FILE = "model.json";

    /** The prefix of the parameter file, {@code model-NNNN.params} with NNNN the epochs trained. */
    public static final String PARAMETERS_PREFIX = "model";

    /**
     * The prefix of the last epoch's parameter file, written beside the model's when a run keeps
     * its best epoch instead of its last, so that {@code --resume} continues from where it stopped.
     */
    public static final String LAST_EPOCH_PREFIX = "last-epoch";

    /** The file that tells DJL's model zoo how to load the folder (DJL Serving reads it too). */
    public static final String SERVING_FILE = "serving.properties";

    /** The format tag written into every descriptor. */
    public static final String FORMAT = "mnistlab-model/1";

    /** The largest model.json read: what training writes is a few kilobytes. */
    private static final long MAX_DESCRIPTOR_BYTES = 1 << 20;

    /** Room for a parameter file's names, headers and shapes beside its values. */
    private static final long PARAMETER_FILE_OVERHEAD = 64 << 10;

    private static final String SAVE_AGAIN = "save the model again";

    private static final String SERVING_PROPERTIES = "# For DJL's model zoo: Criteria.builder().setTypes(Image.class,"
            + " Classifications.class)\n#     .optModelPath(this folder).optTranslatorFactory(new"
            + " MnistTranslatorFactory())\nblockFactory=dev.mnistlab.infer.MnistBlockFactory\noption.modelName="
            + PARAMETERS_PREFIX + "\n";

    private ModelFolder() {}

    /**
     * Writes a model's descriptor and parameters into a folder (use {@code AtomicFolder} to make
     * the folder appear whole).
     *
     * @param folder an existing, empty folder
     * @param model the model, with its block's parameters initialised
     * @param descriptor what the model is
     * @param training provenance of the training run, stored under {@code "training"}
     */
    public static void write(Path folder, Model model, ModelDescriptor descriptor, JsonObject training)
            throws IOException {
        model.save(folder, PARAMETERS_PREFIX);
        JsonObject json = new JsonObject();
        json.addProperty("format", FORMAT);
        json.add("architecture", architectureJson(descriptor.architecture()));
        JsonObject input = new JsonObject();
        input.add("shape", FiniteJson.GSON.toJsonTree(List.of(1, 28, 28)));
        input.addProperty("normalization", "pixel / 255: 0 (background) to 1 (ink), ink bright on black");
        json.add("input", input);
        json.addProperty("dataset", descriptor.dataset());
        json.add("classNames", FiniteJson.GSON.toJsonTree(descriptor.classNames()));
        json.add("training", training);
        Files.writeString(folder.resolve(DESCRIPTOR_FILE), FiniteJson.toJson(json) + "\n", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve(SERVING_FILE), SERVING_PROPERTIES, StandardCharsets.UTF_8);
    }

    /**
     * Describes an architecture: its name, an MLP's hidden widths, an ensemble's member count and
     * member architecture.
     */
    private static JsonObject architectureJson(Architecture architecture) {
        JsonObject json = new JsonObject();
        json.addProperty("name", architecture.name());
        if (architecture instanceof MlpArchitecture mlp) {
            json.add("hidden", FiniteJson.GSON.toJsonTree(mlp.hidden()));
        }
        if (architecture instanceof EnsembleArchitecture ensemble) {
            json.addProperty("members", ensemble.members());
            json.add("member", architectureJson(ensemble.member()));
        }
        return json;
    }

    /** Reads what {@link #architectureJson} wrote. */
    private static Architecture architectureOf(JsonObject json) {
        String name = json.get("name").getAsString();
        if (name.equals("ensemble")) {
            Architecture member = architectureOf(json.getAsJsonObject("member"));
            if (member instanceof EnsembleArchitecture) {
                throw new InvalidInputException("an ensemble's member is an ensemble");
            }
            return new EnsembleArchitecture(member, json.get("members").getAsInt());
        }
        List<Integer> hidden = new ArrayList<>();
        if (json.has("hidden")) {
            for (JsonElement width : json.getAsJsonArray("hidden")) {
                hidden.add(width.getAsInt());
            }
        }
        return Architecture.parse(name, hidden);
    }

    /**
     * Writes the parameters of a run's last epoch beside the model it keeps ({@link
     * #LAST_EPOCH_PREFIX}); {@link #loadLastEpoch} reads them back.
     *
     * @param folder the folder {@link #write} wrote
     * @param lastEpoch the model as the last epoch left it
     * @param epoch the last epoch's number
     */
    public static void writeLastEpoch(Path folder, Model lastEpoch, int epoch) throws IOException {
        lastEpoch.setProperty("Epoch", String.valueOf(epoch));
        lastEpoch.save(folder, LAST_EPOCH_PREFIX);
    }

    /**
     * Reads a folder's descriptor.
     *
     * @throws InvalidInputException if the folder or its {@code model.json} is missing or malformed
     */
    public static ModelDescriptor readDescriptor(Path folder) throws IOException {
        return descriptorOf(readJson(folder), folder);
    }

    /**
     * Reads a folder's {@code model.json} as JSON, for readers that want more than the descriptor.
     *
     * @throws InvalidInputException if the folder or its {@code model.json} is missing or not JSON
     */
    public static JsonObject readJson(Path folder) throws IOException {
        FileKind kind = FileKind.of(folder);
        if (kind != FileKind.FOLDER) {
            throw new InvalidInputException(
                    InputField.MODEL_FOLDER,
                    "modelFolder " + folder + (kind == FileKind.ABSENT ? " does not exist" : " is " + kind.words())
                            + "; give a folder that a training run saved");
        }
        Path file = folder.resolve(DESCRIPTOR_FILE);
        if (FileKind.of(file, LinkOption.NOFOLLOW_LINKS) == FileKind.ABSENT) {
            throw new InvalidInputException(
                    InputField.MODEL_FOLDER,
                    "modelFolder " + folder + " has no " + DESCRIPTOR_FILE
                            + "; is it a folder that a training run saved?");
        }
        byte[] bytes = InputFiles.readOwn(file, MAX_DESCRIPTOR_BYTES, "a " + DESCRIPTOR_FILE);
        return JsonText.parseObject(file, bytes, SAVE_AGAIN);
    }

    /**
     * Extracts the descriptor from a folder's {@code model.json}.
     *
     * @param json the content, from {@link #readJson}
     * @param folder the folder it came from, for messages
     * @throws InvalidInputException if a field is missing, malformed or of an unknown format
     */
    public static ModelDescriptor descriptorOf(JsonObject json, Path folder) {
        Path file = folder.resolve(DESCRIPTOR_FILE);
        try {
            String format = json.get("format").getAsString();
            if (!FORMAT.equals(format)) {
                throw new InvalidInputException(
                        file + ": format '" + format + "' is not " + FORMAT + "; this mnistlab cannot read it");
            }
            Architecture architecture = architectureOf(json.getAsJsonObject("architecture"));
            List<String> classNames = new ArrayList<>();
            JsonArray names = json.getAsJsonArray("classNames");
            for (JsonElement name : names) {
                classNames.add(name.getAsString());
            }
            if (classNames.size() < 2 || classNames.size() > Architecture.CLASS_COUNT) {
                throw new InvalidInputException(file + ": lists " + classNames.size()
                        + " class names; a model has 2 to " + Architecture.CLASS_COUNT);
            }
            return new ModelDescriptor(architecture, dataName(json, file), classNames);
        } catch (InvalidInputException e) {
            // Ours, naming the file; or a value's own check (an unknown model or dataset name, a bad
            // width), which must still say the file is at fault.
            throw e.getMessage().startsWith(file.toString()) ? e : malformed(folder, e.getMessage(), e);
        } catch (RuntimeException e) {
            // Gson reports a missing field or one of another type with one of several unchecked
            // exceptions (casts, nulls, number formats): each means the file is not what we wrote.
            throw malformed(folder, JsonText.fieldProblem(e), e);
        }
    }

    /**
     * Checks every parameter file before the engine opens one: a model folder is untrusted input, so
     * each must be the folder's own regular file (no link that makes mnistlab read elsewhere, no
     * FIFO that blocks the read) and no larger than the parameters it describes.
     */
    private static void requireOwnParameterFiles(Path folder, ModelDescriptor descriptor) {
        long maxBytes =
                descriptor.architecture().parameterCount(descriptor.classNames().size()) * Float.BYTES
                        + PARAMETER_FILE_OVERHEAD;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(ModelFolder::isAnyParameterFile).toList()) {
                InputFiles.requireOwn(
                        file,
                        maxBytes,
                        "the parameters of this " + descriptor.architecture().name());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Refuses parameters that hold NaN or infinities: such a model answers NaN for every image. */
    private static void requireFiniteParameters(Path folder, Model model) {
        for (var parameter : model.getBlock().getParameters()) {
            try (NDScope temporaries = new NDScope()) {
                temporaries.suppressNotUsedWarning();
                NDArray values = parameter.getValue().getArray();
                // x - x is 0 for every finite x and NaN for NaN and infinities (which not every engine
                // tests for directly): one sum says whether any value is not finite.
                if (!Float.isFinite(values.sub(values).sum().getFloat())) {
                    throw new InvalidInputException(folder + ": parameter " + parameter.getKey()
                            + " holds NaN or infinite values, so the model answers NaN; the training that saved it"
                            + " diverged: train again with a lower learning rate");
                }
            }
        }
    }

    private static String dataName(JsonObject json, Path file) {
        String name = json.get("dataset").getAsString();
        if (name.isBlank()) {
            throw new InvalidInputException(file + ": names no dataset; save the model again");
        }
        return name;
    }

    private static boolean isParameterFile(String name) {
        return name.startsWith(PARAMETERS_PREFIX) && name.endsWith(".params");
    }

    private static boolean isAnyParameterFile(Path file) {
        String name = file.getFileName().toString();
        return isParameterFile(name) || (name.startsWith(LAST_EPOCH_PREFIX) && name.endsWith(".params"));
    }

    /**
     * Says whether a file of a model folder is needed to load the model (the descriptor and the
     * parameters), as opposed to training's records (metrics, charts, optimizer state): what to
     * copy when a model travels to another machine.
     *
     * @param fileName a file's name within the folder
     */
    public static boolean isNeededToLoad(String fileName) {
        return fileName.equals(DESCRIPTOR_FILE) || isParameterFile(fileName);
    }

    private static InvalidInputException malformed(Path folder, String problem, RuntimeException e) {
        return new InvalidInputException(
                folder.resolve(DESCRIPTOR_FILE) + ": malformed (" + problem + "); " + SAVE_AGAIN, e);
    }

    private static Map<String, Shape> parameterShapes(Model model) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        model.getBlock()
                .getParameters()
                .forEach(pair ->
                        shapes.put(pair.getKey(), pair.getValue().getArray().getShape()));
        return shapes;
    }

    /**
     * Loads a saved model on an engine, reading its descriptor first.
     *
     * @throws InvalidInputException if the folder, its descriptor or its parameters are missing,
     *     malformed, truncated, or from another architecture
     * @see #load(Path, ModelDescriptor, Backend, Device)
     */
    public static Model load(Path folder, Backend backend, Device device) throws IOException {
        return load(folder, readDescriptor(folder), backend, device);
    }

    /**
     * Loads a saved model on an engine.
     *
     * @param folder the model folder
     * @param descriptor the folder's descriptor, already read
     * @param backend the engine to load it on (any engine reads any engine's parameters)
     * @param device where the parameters go
     * @return the model, which the caller must close
     * @throws InvalidInputException if the parameters are missing, truncated, or from another architecture
     */
    public static Model load(Path folder, ModelDescriptor descriptor, Backend backend, Device device) {
        return load(folder, descriptor, backend, device, PARAMETERS_PREFIX);
    }

    /**
     * Loads the parameters of a run's last epoch, written by {@link #writeLastEpoch}.
     *
     * @param folder the model folder
     * @param descriptor the folder's descriptor, already read
     * @param backend the engine to load it on
     * @param device where the parameters go
     * @return the model, which the caller must close
     * @throws InvalidInputException if the parameters are missing, truncated, or from another architecture
     */
    public static Model loadLastEpoch(Path folder, ModelDescriptor descriptor, Backend backend, Device device) {
        return load(folder, descriptor, backend, device, LAST_EPOCH_PREFIX);
    }

    private static Model load(Path folder, ModelDescriptor descriptor, Backend backend, Device device, String prefix) {
        requireOwnParameterFiles(folder, descriptor);
        Model model = descriptor.architecture().newModel(descriptor.classNames().size(), device, backend.engineName());
        try {
            Map<String, Shape> expected = parameterShapes(model);
            model.load(folder, prefix);
            if (!expected.equals(parameterShapes(model))) {
                throw new InvalidInputException(folder + ": its parameters do not fit the "
                        + descriptor.architecture().name() + " it describes (shapes " + parameterShapes(model)
                        + ", expected " + expected + ")");
            }
            requireFiniteParameters(folder, model);
            return model;
        } catch (MalformedModelException | IOException | RuntimeException | OutOfMemoryError e) {
            // An OutOfMemoryError here is a damaged file's doing: DJL allocates what a length field
            // declares before reading it, and the file is already known to be no larger than the model.
            model.close();
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException(
                    folder + ": its parameters cannot be loaded as the "
                            + descriptor.architecture().name() + " it describes (" + loadFailure(e) + ")",
                    e);
        }
    }

    /** Says why a parameter file did not load, in words: DJL's message, or what its exception means. */
    private static String loadFailure(Throwable e) {
        if (e instanceof EOFException) {
            return "the file ends early";
        }
        if (e instanceof OutOfMemoryError) {
            return "a length in the file is larger than the model";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? "not in DJL's parameter format" : message;
    }
}
