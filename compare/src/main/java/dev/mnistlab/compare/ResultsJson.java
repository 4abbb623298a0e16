package dev.mnistlab.compare;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.mnistlab.files.FiniteJson;
import dev.mnistlab.train.TrainingSpec;
import dev.mnistlab.train.TrainingSpecJson;
import java.util.Map;

/**
 * Writes a comparison's {@code results.json}: provenance, plan, every measurement and the
 * per-pair spreads. Figures that could not be measured are written as {@code NaN}.
 */
final class ResultsJson {

    private ResultsJson() {}

    static String json(CompareResults results) {
        JsonObject json = new JsonObject();
        json.addProperty("format", "mnistlab-compare/1");
        json.addProperty("command", results.context().command());
        json.addProperty("startedAt", results.context().startedAt().toString());
        JsonObject machine =
                FiniteJson.GSON.toJsonTree(results.context().machine()).getAsJsonObject();
        machine.addProperty("peakGflops", results.context().machine().peakGflops());
        json.add("machine", machine);
        json.add("plan", plan(results.plan()));
        JsonArray runs = new JsonArray();
        for (PairOutcome outcome : results.outcomes()) {
            JsonObject run = new JsonObject();
            run.addProperty("label", outcome.request().label());
            if (outcome instanceof PairOutcome.Measured measured) {
                run.addProperty("status", "ok");
                run.add("figures", FiniteJson.GSON.toJsonTree(measured.figures()));
            } else {
                run.addProperty("status", "failed");
                run.addProperty("reason", ((PairOutcome.Failed) outcome).reason());
            }
            runs.add(run);
        }
        json.add("runs", runs);
        JsonArray summaries = new JsonArray();
        for (PairSummary summary : results.summaries()) {
            JsonObject pair = new JsonObject();
            pair.addProperty("engine", summary.engine());
            pair.addProperty("model", summary.setting());
            pair.addProperty("measured", summary.measured().size());
            pair.addProperty("failed", summary.failed().size());
            JsonObject figures = new JsonObject();
            for (Map.Entry<Figure, Spread> entry : summary.spreads().entrySet()) {
                figures.add(entry.getKey().key(), FiniteJson.GSON.toJsonTree(entry.getValue()));
            }
            pair.add("figures", figures);
            summaries.add(pair);
        }
        json.add("summaries", summaries);
        return FiniteJson.toJson(json) + "\n";
    }

    private static JsonObject plan(ComparePlan plan) {
        JsonObject json = new JsonObject();
        json.add("engines", FiniteJson.GSON.toJsonTree(plan.engines()));
        JsonArray specs = new JsonArray();
        for (TrainingSpec spec : plan.specs()) {
            JsonObject specJson = new JsonObject();
            TrainingSpecJson.write(spec, specJson);
            specs.add(specJson);
        }
        json.add("specs", specs);
        json.addProperty("dataFolder", plan.dataFolder().toAbsolutePath().toString());
        json.addProperty("repeat", plan.repeat());
        return json;
    }
}
