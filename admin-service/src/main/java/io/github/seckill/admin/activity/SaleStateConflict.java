package io.github.seckill.admin.activity;

/** A transition the sale's current status forbids. */
class SaleStateConflict extends RuntimeException {

    SaleStateConflict(long id, ActivityStatus status, String action) {
        this("sale " + id + " is " + status + ": cannot " + action + " it");
    }

    SaleStateConflict(String message) {
        super(message);
    }
}
