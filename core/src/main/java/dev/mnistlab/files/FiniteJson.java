package dev.mnistlab.files;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * JSON as every parser accepts it: a figure that is not a finite number (a loss that could not be
 * computed, a rate that was not measured) is written as {@code null}, never as {@code NaN} or
 * {@code Infinity}, which the JSON standard does not have. Reading a {@code null} into a
 * {@code double} gives {@code NaN} back.
 *
 * <pre>{@code
 * String text = FiniteJson.toJson(report);          // a JsonObject built with addProperty
 * Figures figures = FiniteJson.GSON.fromJson(text, Figures.class);
 * }</pre>
 */
public final class FiniteJson {

    /** Pretty-printing Gson that writes non-finite doubles and floats, and absent values, as {@code null}. */
    public static final Gson GSON = new GsonBuilder()
            .setPrettyPrinting()
            // A figure written as null must stay in the file, so that it reads back as NaN, not 0.
            .serializeNulls()
            .registerTypeAdapter(double.class, new FiniteNumber<>(value -> value))
            .registerTypeAdapter(Double.class, new FiniteNumber<>(value -> value))
            .registerTypeAdapter(float.class, new FiniteNumber<>(value -> (float) value))
            .registerTypeAdapter(Float.class, new FiniteNumber<>(value -> (float) value))
            .create();

    private FiniteJson() {}

    /**
     * Returns a tree as pretty JSON text, with every non-finite number written as {@code null}.
     *
     * @param tree e.g. a {@link JsonObject} built with {@code addProperty}, which takes any double
     */
    public static String toJson(JsonElement tree) {
        return GSON.toJson(finite(tree));
    }

    private static JsonElement finite(JsonElement element) {
        if (element.isJsonObject()) {
            JsonObject copy = new JsonObject();
            for (Map.Entry<String, JsonElement> entry :
                    element.getAsJsonObject().entrySet()) {
                copy.add(entry.getKey(), finite(entry.getValue()));
            }
            return copy;
        }
        if (element.isJsonArray()) {
            JsonArray copy = new JsonArray();
            element.getAsJsonArray().forEach(item -> copy.add(finite(item)));
            return copy;
        }
        if (element.isJsonPrimitive()) {
            JsonPrimitive primitive = element.getAsJsonPrimitive();
            if (primitive.isNumber() && !Double.isFinite(primitive.getAsDouble())) {
                return JsonNull.INSTANCE;
            }
        }
        return element;
    }

    /** Writes a non-finite number as {@code null}; reads {@code null} as NaN. */
    private static final class FiniteNumber<T extends Number> extends TypeAdapter<T> {
        private final DoubleFunction<T> fromDouble;

        FiniteNumber(DoubleFunction<T> fromDouble) {
            this.fromDouble = fromDouble;
        }

        @Override
        public void write(JsonWriter out, T value) throws IOException {
            if (value == null || !Double.isFinite(value.doubleValue())) {
                out.nullValue();
            } else {
                out.value(value);
            }
        }

        @Override
        public T read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return fromDouble.apply(Double.NaN);
            }
            return fromDouble.apply(in.nextDouble());
        }
    }
}
