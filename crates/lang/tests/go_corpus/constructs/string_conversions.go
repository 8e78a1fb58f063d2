// A telegraph office: messages travel as bytes and runes and are turned back into text.
package main

import "fmt"

func encode(msg string, wire chan<- byte) {
	for i := 0; i < len(msg); i++ {
		wire <- msg[i]
	}
	close(wire)
}

func main() {
	wire := make(chan byte, 4)
	go encode("STOP at 9", wire)
	var got []byte
	for b := range wire {
		got = append(got, b)
	}
	fmt.Println(string(got), len(got), got[0])

	word := "café"
	fmt.Println(len(word), len([]rune(word)), []byte(word))
	runes := []rune(word)
	runes[0] = 'C'
	fmt.Println(string(runes), word[:3], word[3:], string(word[0]))
	fmt.Printf("%c|%c|%q|%q\n", word[1], runes[3], runes[3], word[:2])
	var n int = 65
	fmt.Println(string(rune(n)), string(rune(n+25)), byte(n+200))
	stamp := []byte("ok")
	stamp[1] = 'K'
	fmt.Println(string(stamp))
}
