package io.github.seckill.admin.activity;

/** A transition the sale's current status forbids. */
class SaleStateConflict extends RuntimeException {

    SaleStateConflict(long id, ActivityStatus status, String action) {
        super("sale " + id + " is " + status + ": cannot " + action + " it");
    }
}
