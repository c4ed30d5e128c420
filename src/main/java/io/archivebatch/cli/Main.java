package io.archivebatch.cli;
public class Main { public static void main(String[] a) {} }
