/** The .csv the AWS console offers when a key is created: one header row, one key row, named `<user>_accessKeys.csv`. */
export function accessKeyCsv(key: { accessKeyId: string; secretAccessKey: string }): string {
  return `Access key ID,Secret access key\r\n${key.accessKeyId},${key.secretAccessKey}\r\n`;
}

export const accessKeyCsvName = (userName: string) => `${userName}_accessKeys.csv`;

export function downloadText(filename: string, text: string, type = "text/csv") {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
