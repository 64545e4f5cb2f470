/**
 * A reference to an entity another subgraph owns: the federation stub a subgraph receives or
 * returns, carrying the entity's key and nothing else. codegen.yml maps such stubs onto it
 * (orders' Customer, Account and ProductOffering; faults' Customer; billing's Customer, Account
 * and Service).
 */
export interface EntityRef {
  id: string;
}
