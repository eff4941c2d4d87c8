package io.github.seckill.compensation;

import io.github.seckill.testsupport.ArchitectureContract;

/** The platform's layout rules on this service's classes (seckill-common's {@link ArchitectureContract}). */
class ArchitectureTest extends ArchitectureContract {

    ArchitectureTest() {
        super("io.github.seckill.compensation");
    }
}
