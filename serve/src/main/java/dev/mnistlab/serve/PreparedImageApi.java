package dev.mnistlab.serve;

import dev.mnistlab.data.ImageFiles;
import dev.mnistlab.infer.MnistPreprocessor;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * {@code POST /prepared}: the 28x28 image a model sees for a picture, as a PNG, so the draw-a-digit
 * page (or anyone) can show what preprocessing made of a drawing or a photo.
 */
final class PreparedImageApi {

    private final RequestBodies bodies;
    private final ImageDecoding decoding;

    PreparedImageApi(RequestBodies bodies, ImageDecoding decoding) {
        this.bodies = bodies;
        this.decoding = decoding;
    }

    void addRoutes(JavalinDefaultRoutingApi routes) {
        routes.post("/prepared", this::prepared);
    }

    private void prepared(Context ctx) throws IOException {
        float[] pixels = decoding.prepare(bodies.image(ctx), "the image");
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageFiles.writePng(MnistPreprocessor.toImage(pixels), png);
        ctx.contentType("image/png").result(png.toByteArray());
    }
}
