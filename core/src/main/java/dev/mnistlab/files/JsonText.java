package dev.mnistlab.files;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import dev.mnistlab.InvalidInputException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses JSON that mnistlab wrote and describes what is wrong with a damaged one in mnistlab's
 * words: where the text stops being JSON, or which field is missing or of the wrong type. Gson's
 * own messages (exception names, help links, paths hundreds of levels deep) never reach the user.
 */
public final class JsonText {

    private static final Pattern POSITION = Pattern.compile("line (\\d+) column (\\d+)");
    private static final Pattern PATH = Pattern.compile("path (\\$[\\w.\\[\\]]{0,80})");
    private static final int MAX_DEPTH = 64;

    private JsonText() {}

    /**
     * Parses a whole file's bytes as one JSON object.
     *
     * @param file where the bytes came from, for messages
     * @param bytes UTF-8 JSON text
     * @param advice what to do about a damaged file, e.g. {@code "save the model again"}
     * @throws InvalidInputException naming the file if it is not UTF-8, not JSON, nested deeper than
     *     any file mnistlab writes, or not an object
     */
    public static JsonObject parseObject(Path file, byte[] bytes, String advice) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(file + ": not UTF-8 text; " + advice, e);
        }
        requireShallow(file, text, advice);
        JsonElement parsed;
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            parsed = com.google.gson.JsonParser.parseReader(reader);
            if (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
                throw new InvalidInputException(file + ": holds more than one JSON value; " + advice);
            }
        } catch (JsonParseException | IOException | IllegalStateException e) {
            throw new InvalidInputException(file + ": not valid JSON" + position(e) + "; " + advice, e);
        }
        if (!parsed.isJsonObject()) {
            throw new InvalidInputException(file + ": holds JSON but not an object; " + advice);
        }
        return parsed.getAsJsonObject();
    }

    /**
     * Describes, in a few words, why reading fields of a parsed document failed with one of the
     * unchecked exceptions Gson throws for a missing or mistyped field.
     *
     * @param e Gson's exception
     * @return e.g. {@code "field $.epochs[0].trainLoss has the wrong type"}
     */
    public static String fieldProblem(RuntimeException e) {
        Matcher path = PATH.matcher(String.valueOf(e.getMessage()));
        return path.find()
                ? "field " + path.group(1) + " is missing or has the wrong type"
                : "a field is missing or has the wrong type";
    }

    /** Refuses nesting deeper than mnistlab ever writes before a parser recurses into it. */
    private static void requireShallow(Path file, String text, String advice) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (++depth > MAX_DEPTH) {
                    throw new InvalidInputException(
                            file + ": nested more than " + MAX_DEPTH + " levels deep; " + advice);
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
    }

    private static String position(Exception e) {
        Matcher position = POSITION.matcher(String.valueOf(e.getMessage()));
        return position.find() ? " (line " + position.group(1) + ", column " + position.group(2) + ")" : "";
    }
}
