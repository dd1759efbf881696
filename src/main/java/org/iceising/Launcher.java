package org.iceising;

public final class Launcher {
    public static void main(String[] args) {
        System.out.println("IceIsing");
    }
}
