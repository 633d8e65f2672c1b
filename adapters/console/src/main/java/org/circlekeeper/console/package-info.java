/**
 * The console adapter: circlekeeper in a terminal, the local default and the demo. One person at
 * the keyboard plays several people in several places against the real engine.
 * {@link org.circlekeeper.console.ConsoleSession} turns one typed line into the lines to print (no
 * I/O of its own), {@link org.circlekeeper.console.ConsoleMessenger} prints the messages the bot
 * starts itself in the same format, and {@link org.circlekeeper.console.ConsoleAdapter} runs a
 * session over a script (scripted mode) or a JLine terminal (interactive mode).
 */
package org.circlekeeper.console;
