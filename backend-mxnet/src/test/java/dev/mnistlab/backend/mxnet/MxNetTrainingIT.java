package dev.mnistlab.backend.mxnet;

import dev.mnistlab.train.TrainingAccuracyContract;

class MxNetTrainingIT extends TrainingAccuracyContract {
    @Override
    protected String backendName() {
        return "mxnet";
    }
}
