package dev.mnistlab.serve;

import dev.mnistlab.InputField;
import dev.mnistlab.InvalidInputException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The folders that clients may load models from at run time ({@code POST /models?url=...}). A url
 * is a name inside one of them, an absolute path, or a {@code file:} URL; whatever it is, the real
 * folder it names (links followed) must lie inside one, so no client can make the service read an
 * arbitrary path. With no folders, nothing can be loaded at run time.
 */
final class ModelStore {

    private final List<Path> roots;

    /**
     * @param roots the store's folders
     * @throws InvalidInputException if one is not a readable folder
     */
    ModelStore(List<Path> roots) {
        List<Path> real = new ArrayList<>();
        for (Path root : roots) {
            try {
                real.add(root.toRealPath());
            } catch (IOException e) {
                throw new InvalidInputException(
                        InputField.MODEL_STORE, "modelStore " + root + " is not a readable folder (" + e + ")", e);
            }
            if (!Files.isDirectory(real.get(real.size() - 1))) {
                throw new InvalidInputException(InputField.MODEL_STORE, "modelStore " + root + " is not a folder");
            }
        }
        this.roots = List.copyOf(real);
    }

    /**
     * Resolves a client's url to a model folder inside the store.
     *
     * @throws ServiceException {@link ErrorKind#FORBIDDEN} outside the store or with no store,
     *     {@link ErrorKind#BAD_INPUT} if the url is not a path or {@code file:} URL
     */
    Path resolve(String url) {
        if (roots.isEmpty()) {
            throw new ServiceException(
                    ErrorKind.FORBIDDEN,
                    "this service loads no models at run time: it was started without a model store");
        }
        if (url == null || url.isBlank()) {
            throw ServiceException.badInput("url is missing; name a model folder in the model store, e.g. ?url=mlp");
        }
        Path asked = asPath(url);
        for (Path candidate : candidates(asked)) {
            if (Files.isDirectory(candidate)) {
                Path real;
                try {
                    real = candidate.toRealPath();
                } catch (IOException e) {
                    continue;
                }
                if (roots.stream().anyMatch(real::startsWith)) {
                    return real;
                }
            }
        }
        throw new ServiceException(ErrorKind.FORBIDDEN, "url '" + url + "' is not a folder inside the model store");
    }

    private List<Path> candidates(Path asked) {
        if (asked.isAbsolute()) {
            return List.of(asked);
        }
        return roots.stream().map(root -> root.resolve(asked)).toList();
    }

    private static Path asPath(String url) {
        try {
            if (url.toLowerCase(Locale.ROOT).startsWith("file:")) {
                return Path.of(new URI(url));
            }
            if (url.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*")) {
                throw ServiceException.badInput(
                        "url '" + url + "' is not a local folder; only folders in the model store can be loaded");
            }
            return Path.of(url);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw ServiceException.badInput("url '" + url + "' is not a path or file: URL");
        }
    }
}
