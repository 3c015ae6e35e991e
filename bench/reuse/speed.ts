export async function printSpeed(): Promise<void> {}
