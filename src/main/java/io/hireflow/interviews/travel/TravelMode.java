package io.hireflow.interviews.travel;

/** How a trip is made: KTX or SRT train, intercity or express bus, or a domestic flight. */
public enum TravelMode {
    TRAIN, BUS, FLIGHT
}
