package dev.mnistlab.serve;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.mnistlab.infer.DigitClassifier;
import dev.mnistlab.infer.Prediction;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * KServe's v2 (Open Inference) protocol over REST: health, model metadata and readiness, and
 * {@code POST /v2/models/{name}/infer} with one input, either FP32 pixels of shape {@code [N,1,28,28]}
 * (values in [0, 1], ink bright) or BYTES of shape {@code [N]}, each element an encoded picture in
 * base64. The answer has two outputs: {@code probabilities} (FP32, {@code [N,classes]}, in class
 * order) and {@code label} (BYTES, {@code [N]}, the most probable class's name).
 */
final class KServeApi {

    static final String PROTOCOL = "kserve";
    static final String PATH_PREFIX = "/v2/";

    private static final int SIZE = 28;

    private final ModelRegistry registry;
    private final RequestBodies bodies;
    private final ImageDecoding decoding;

    KServeApi(ModelRegistry registry, RequestBodies bodies, ImageDecoding decoding) {
        this.registry = registry;
        this.bodies = bodies;
        this.decoding = decoding;
    }

    void addRoutes(JavalinDefaultRoutingApi routes) {
        routes.get("/v2/health/live", ctx -> JsonReplies.send(ctx, flag("live", true)));
        routes.get("/v2/health/ready", ctx -> JsonReplies.send(ctx, flag("ready", true)));
        routes.get("/v2/models/{model}", this::metadata);
        routes.get("/v2/models/{model}/ready", this::ready);
        routes.post("/v2/models/{model}/infer", this::infer);
    }

    private void metadata(Context ctx) {
        ServedModel model = registry.get(ctx.pathParam("model"));
        JsonObject body = new JsonObject();
        body.addProperty("name", model.name());
        JsonArray versions = new JsonArray();
        versions.add(Long.toString(model.version()));
        body.add("versions", versions);
        body.addProperty("platform", "mnistlab_" + model.engine());
        JsonArray inputs = new JsonArray();
        inputs.add(tensor("input0", "FP32", -1, 1, SIZE, SIZE));
        body.add("inputs", inputs);
        JsonArray outputs = new JsonArray();
        outputs.add(tensor("probabilities", "FP32", -1, model.classNames().size()));
        outputs.add(tensor("label", "BYTES", -1));
        body.add("outputs", outputs);
        JsonReplies.send(ctx, body);
    }

    private void ready(Context ctx) {
        ServedModel model = registry.get(ctx.pathParam("model"));
        JsonObject body = flag("ready", true);
        body.addProperty("name", model.name());
        JsonReplies.send(ctx, body);
    }

    private void infer(Context ctx) throws IOException {
        String name = ctx.pathParam("model");
        registry.get(name);
        JsonReplies.reached(ctx, name);
        JsonObject request;
        ModelRegistry.Answer answer;
        try (ModelRegistry.Admission admission = registry.admit(name)) {
            request = parse(bodies.all(ctx));
            List<float[]> images = images(onlyInput(request));
            DigitClassifier.requirePrepared(images);
            answer = admission.predict(images);
        }
        JsonReplies.answeredBy(ctx, answer.model());
        JsonElement id = request.get("id");
        ctx.future(() -> answer.predictions()
                .thenAccept(predictions -> JsonReplies.send(ctx, response(answer.model(), id, predictions))));
    }

    private static JsonObject parse(byte[] body) {
        try {
            JsonElement json = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
            if (json.isJsonObject()) {
                return json.getAsJsonObject();
            }
        } catch (JsonParseException e) {
            throw ServiceException.badInput("the body is not JSON (" + e.getMessage()
                    + "); send {\"inputs\": [{\"name\", \"shape\", \"datatype\", \"data\"}]}");
        }
        throw ServiceException.badInput("the body must be a JSON object with \"inputs\"");
    }

    private static JsonObject onlyInput(JsonObject request) {
        JsonElement inputs = request.get("inputs");
        if (inputs == null
                || !inputs.isJsonArray()
                || inputs.getAsJsonArray().size() != 1
                || !inputs.getAsJsonArray().get(0).isJsonObject()) {
            throw ServiceException.badInput("\"inputs\" must be an array of one tensor object");
        }
        return inputs.getAsJsonArray().get(0).getAsJsonObject();
    }

    private List<float[]> images(JsonObject input) throws IOException {
        String datatype = string(input, "datatype");
        long[] shape = shape(input);
        List<JsonElement> data = flatten(input.get("data"));
        if ("FP32".equals(datatype)) {
            return pixels(shape, data);
        }
        if ("BYTES".equals(datatype)) {
            return pictures(shape, data);
        }
        throw ServiceException.badInput(
                "datatype " + datatype + " is not taken; send FP32 pixels [N,1,28,28] or BYTES pictures [N]");
    }

    private static List<float[]> pixels(long[] shape, List<JsonElement> data) {
        if (shape.length != 4 || shape[0] < 1 || shape[1] != 1 || shape[2] != SIZE || shape[3] != SIZE) {
            throw ServiceException.badInput(
                    "FP32 input has shape " + Arrays.toString(shape) + "; this model takes [N,1,28,28]");
        }
        int count = Math.toIntExact(shape[0]);
        if (data.size() != (long) count * SIZE * SIZE) {
            throw ServiceException.badInput("FP32 input of shape " + Arrays.toString(shape) + " needs "
                    + (long) count * SIZE * SIZE + " values in \"data\", got " + data.size());
        }
        List<float[]> images = new ArrayList<>(count);
        int next = 0;
        for (int i = 0; i < count; i++) {
            float[] image = new float[SIZE * SIZE];
            for (int p = 0; p < image.length; p++) {
                image[p] = number(data.get(next++));
            }
            images.add(image);
        }
        return images;
    }

    private List<float[]> pictures(long[] shape, List<JsonElement> data) throws IOException {
        if (shape.length != 1 || shape[0] < 1 || shape[0] != data.size()) {
            throw ServiceException.badInput("BYTES input has shape " + Arrays.toString(shape) + " and " + data.size()
                    + " elements; send shape [N] with N base64 pictures");
        }
        List<float[]> images = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            JsonElement element = data.get(i);
            String name = "picture " + i;
            if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isString()) {
                throw ServiceException.badInput(name + " of the BYTES input is not a string of base64");
            }
            byte[] encoded;
            try {
                encoded = Base64.getMimeDecoder().decode(element.getAsString());
            } catch (IllegalArgumentException e) {
                throw ServiceException.badInput(name + " of the BYTES input is not base64 (" + e.getMessage() + ")");
            }
            images.add(decoding.prepare(encoded, name));
        }
        return images;
    }

    private static float number(JsonElement element) {
        if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isNumber()) {
            return element.getAsFloat();
        }
        throw ServiceException.badInput("FP32 data must hold numbers, got " + element);
    }

    private static String string(JsonObject input, String field) {
        JsonElement value = input.get(field);
        if (value == null
                || !value.isJsonPrimitive()
                || !value.getAsJsonPrimitive().isString()) {
            throw ServiceException.badInput("the input needs \"" + field + "\" as a string");
        }
        return value.getAsString();
    }

    private static long[] shape(JsonObject input) {
        JsonElement value = input.get("shape");
        if (value == null || !value.isJsonArray() || value.getAsJsonArray().size() > 8) {
            throw ServiceException.badInput("the input needs \"shape\" as an array of whole numbers");
        }
        JsonArray dims = value.getAsJsonArray();
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            JsonElement dim = dims.get(i);
            if (!dim.isJsonPrimitive() || !dim.getAsJsonPrimitive().isNumber()) {
                throw ServiceException.badInput("\"shape\" must hold whole numbers, got " + dim);
            }
            double d = dim.getAsDouble();
            if (d != Math.rint(d) || d < 0 || d > 1_000_000) {
                throw ServiceException.badInput("\"shape\" must hold whole numbers from 0 to 1000000, got " + dim);
            }
            shape[i] = (long) d;
        }
        return shape;
    }

    /** The "data" values in row-major order, nested arrays flattened as the protocol allows. */
    private static List<JsonElement> flatten(JsonElement data) {
        if (data == null || !data.isJsonArray()) {
            throw ServiceException.badInput("the input needs \"data\" as an array");
        }
        List<JsonElement> flat = new ArrayList<>();
        flattenInto(data.getAsJsonArray(), flat, 0);
        return flat;
    }

    private static void flattenInto(JsonArray array, List<JsonElement> flat, int depth) {
        if (depth > 8) {
            throw ServiceException.badInput("\"data\" is nested deeper than its shape");
        }
        for (JsonElement element : array) {
            if (element.isJsonArray()) {
                flattenInto(element.getAsJsonArray(), flat, depth + 1);
            } else {
                flat.add(element);
            }
        }
    }

    private static JsonObject response(ServedModel model, JsonElement id, List<Prediction> predictions) {
        int classes = model.classNames().size();
        JsonArray probabilities = new JsonArray();
        JsonArray labels = new JsonArray();
        for (Prediction prediction : predictions) {
            double[] byClass = new double[classes];
            for (Prediction.RankedClass ranked : prediction.ranked()) {
                byClass[ranked.index()] = ranked.probability();
            }
            for (double p : byClass) {
                probabilities.add(p);
            }
            labels.add(prediction.best().name());
        }
        JsonObject body = new JsonObject();
        body.addProperty("model_name", model.name());
        body.addProperty("model_version", Long.toString(model.version()));
        if (id != null) {
            body.add("id", id);
        }
        JsonArray outputs = new JsonArray();
        JsonObject probabilityTensor = tensor("probabilities", "FP32", predictions.size(), classes);
        probabilityTensor.add("data", probabilities);
        outputs.add(probabilityTensor);
        JsonObject labelTensor = tensor("label", "BYTES", predictions.size());
        labelTensor.add("data", labels);
        outputs.add(labelTensor);
        body.add("outputs", outputs);
        return body;
    }

    private static JsonObject tensor(String name, String datatype, long... shape) {
        JsonObject tensor = new JsonObject();
        tensor.addProperty("name", name);
        tensor.addProperty("datatype", datatype);
        JsonArray dims = new JsonArray();
        for (long dim : shape) {
            dims.add(dim);
        }
        tensor.add("shape", dims);
        return tensor;
    }

    private static JsonObject flag(String name, boolean value) {
        JsonObject body = new JsonObject();
        body.addProperty(name, value);
        return body;
    }
}
