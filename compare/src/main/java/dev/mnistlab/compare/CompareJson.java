package dev.mnistlab.compare;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** The JSON form of requests, figures and results; {@code NaN} marks a figure that could not be measured. */
final class CompareJson {

    static final Gson GSON = new GsonBuilder()
            .serializeSpecialFloatingPointValues()
            .setPrettyPrinting()
            .create();

    private CompareJson() {}
}
