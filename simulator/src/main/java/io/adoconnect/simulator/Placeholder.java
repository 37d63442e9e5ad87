package io.adoconnect.simulator; final class Placeholder {}
