package dev.mnistlab.backend;

import java.util.List;

/**
 * What a backend reports about itself for {@code mnistlab engines} and for provenance.
 *
 * @param name the name users type ({@code pytorch})
 * @param engineName DJL's engine name ({@code PyTorch})
 * @param djlVersion the DJL version
 * @param engineVersion the native engine's version ({@code 2.7.1})
 * @param nativeFlavor which native build is loaded, e.g. {@code cpu} or {@code mkl}
 * @param devices the devices the engine can use, e.g. {@code [cpu()]} or {@code [cpu(), gpu(0)]}
 * @param gpuCount how many GPUs the engine sees
 * @param threads how many threads the engine computes with, in the engine's own words
 */
public record BackendInfo(
        String name,
        String engineName,
        String djlVersion,
        String engineVersion,
        String nativeFlavor,
        List<String> devices,
        int gpuCount,
        String threads) {

    /** Copies the device list so the record stays immutable. */
    public BackendInfo {
        devices = List.copyOf(devices);
    }
}
