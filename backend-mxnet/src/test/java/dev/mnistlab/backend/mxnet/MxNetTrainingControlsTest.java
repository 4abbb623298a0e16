package dev.mnistlab.backend.mxnet;

import dev.mnistlab.train.TrainingControlsContract;

class MxNetTrainingControlsTest extends TrainingControlsContract {
    @Override
    protected String backendName() {
        return "mxnet";
    }
}
