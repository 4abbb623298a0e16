package dev.mnistlab.backend.mxnet;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes MXNet's start-up banner out of standard error, line by line, as the pump of {@link
 * NativeEnvironment} hands the lines over: {@code [15:26:49] ../src/engine/engine.cc:55: MXNet start
 * using engine: NaiveEngine}. MXNet writes the banner in pieces, so another thread's line can land
 * inside it: the head then shares a line with that text ({@code [..] ../src/engine/engine.ccapp
 * line 620}) and the tail follows as a line of its own. The head is cut off such a line, and the
 * line that completes the banner is dropped. One filter serves one engine start, on one thread.
 */
final class BannerFilter implements UnaryOperator<String> {

    /** The whole banner, anywhere in a line. */
    static final Pattern BANNER = Pattern.compile("\\[[0-9:]+\\] \\S*: MXNet start using engine: \\w+");

    private static final Pattern TIMESTAMP = Pattern.compile("\\[[0-9:]+\\] ");

    /** What follows the timestamp, as MXNet 1.9.0 writes it with the engine mnistlab chooses. */
    private static final String BODY = "../src/engine/engine.cc:55: MXNet start using engine: NaiveEngine";

    /** The fewest characters of the body that mark a head as the banner's, not a log line's. */
    private static final int SHORTEST_HEAD = "../src/engine/".length();

    private String head = "";

    /** Returns the line without the banner or its pieces, empty if nothing else was on it. */
    @Override
    public String apply(String line) {
        if (!head.isEmpty()) {
            String joined = head + line;
            head = "";
            if (BANNER.matcher(joined).lookingAt()) {
                return withoutWholeBanner(joined);
            }
        }
        String rest = withoutWholeBanner(line);
        if (!rest.equals(line)) {
            return rest;
        }
        Matcher timestamp = TIMESTAMP.matcher(line);
        if (timestamp.lookingAt()) {
            int common = commonPrefix(line.substring(timestamp.end()), BODY);
            if (common >= SHORTEST_HEAD && common < BODY.length()) {
                head = line.substring(0, timestamp.end() + common);
                return line.substring(head.length());
            }
        }
        return line;
    }

    private static String withoutWholeBanner(String line) {
        String rest = BANNER.matcher(line).replaceAll("");
        return rest.equals(line) || !rest.isBlank() ? rest : "";
    }

    private static int commonPrefix(String a, String b) {
        int length = 0;
        while (length < a.length() && length < b.length() && a.charAt(length) == b.charAt(length)) {
            length++;
        }
        return length;
    }
}
