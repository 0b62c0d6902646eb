import type { Command } from 'commander';
import type { CommandContext } from '../io.js';

export function registerEmpirical(program: Command, context: CommandContext): void {
  void program;
  void context;
}
