import type { Command } from 'commander';
import type { CommandContext } from '../io.js';

/** list, check, replay (and later ablate, assume) over the theorem catalogue. */
export function registerCatalogueCommands(program: Command, context: CommandContext): void {
  void program;
  void context;
}
