package com.example.outside;

/** A record outside RelaxHA's packages, to test the codec's allowed-package check. */
public record ForeignPoint(int x, int y) {}
