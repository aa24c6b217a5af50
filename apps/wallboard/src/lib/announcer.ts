/** Chime and spoken call. Browsers may refuse audio without a user gesture: then it stays silent, never fails. */
export class Announcer {
  #language: string;
  #audio: AudioContext | null = null;
  #speakTimer: ReturnType<typeof setTimeout> | null = null;
  #lastSpokeMs = 0;

  constructor(language: string) {
    this.#language = language;
  }

  /** The voice's language: follows the screen's setting, live. */
  set language(language: string) {
    this.#language = language;
  }

  /** One chime, then each sentence in turn. */
  announce(sentences: readonly string[]): void {
    if (sentences.length === 0) return;
    const chimed = this.#chime();
    if (this.#speakTimer) clearTimeout(this.#speakTimer);
    // Speak after the chime has rung out; at most three, so a burst of calls does not queue for minutes.
    this.#speakTimer = setTimeout(
      () => {
        this.#speakTimer = null;
        this.#speak(sentences.slice(-3));
      },
      chimed ? 900 : 0,
    );
  }

  close(): void {
    if (this.#speakTimer) clearTimeout(this.#speakTimer);
    this.#speakTimer = null;
    globalThis.speechSynthesis?.cancel();
    void this.#audio?.close().catch(() => {});
    this.#audio = null;
  }

  /** A soft two-note chime made on the spot: no audio file to ship. Returns whether it could play. */
  #chime(): boolean {
    try {
      this.#audio ??= new AudioContext();
      const audio = this.#audio;
      if (audio.state === 'suspended') {
        // Autoplay policy: resume() only works after a gesture (or with --autoplay-policy=no-user-gesture-required).
        void audio.resume().catch(() => {});
        return false;
      }
      const start = audio.currentTime + 0.02;
      for (const [i, frequency] of [659.25, 880].entries()) {
        const osc = audio.createOscillator();
        const gain = audio.createGain();
        const t = start + i * 0.32;
        osc.type = 'sine';
        osc.frequency.value = frequency;
        gain.gain.setValueAtTime(0.0001, t);
        gain.gain.exponentialRampToValueAtTime(0.35, t + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.55);
        osc.connect(gain).connect(audio.destination);
        osc.onended = () => {
          osc.disconnect();
          gain.disconnect();
        };
        osc.start(t);
        osc.stop(t + 0.6);
      }
      return true;
    } catch {
      return false;
    }
  }

  #speak(sentences: readonly string[]): void {
    const synth = globalThis.speechSynthesis;
    if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return;
    // NOTE: Chromium's speech queue can wedge after hours; a queue still busy long after the last call is reset.
    if ((synth.speaking || synth.pending) && Date.now() - this.#lastSpokeMs > 30_000) synth.cancel();
    this.#lastSpokeMs = Date.now();
    const voice = synth
      .getVoices()
      .find((v) => v.lang.toLowerCase().startsWith(this.#language.toLowerCase()));
    for (const text of sentences) {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = this.#language;
      utterance.rate = 0.9;
      if (voice) utterance.voice = voice;
      utterance.onerror = () => {}; // 'not-allowed' without a gesture: stay silent
      synth.speak(utterance);
    }
  }
}
