package io.adoconnect.cli; final class Placeholder {}
