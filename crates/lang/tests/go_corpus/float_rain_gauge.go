package main

import "fmt"

type Reading struct {
	Station string
	MM      float64
}

func average(values ...float64) float64 {
	if len(values) == 0 {
		return 0
	}
	sum := 0.0
	for _, v := range values {
		sum += v
	}
	return sum / float64(len(values))
}

func stats(rs []Reading) (lowest, highest float64) {
	lowest = rs[0].MM
	highest = rs[0].MM
	for _, r := range rs {
		if r.MM < lowest {
			lowest = r.MM
		}
		if r.MM > highest {
			highest = r.MM
		}
	}
	return
}

func main() {
	week := []Reading{
		{"hill", 12.5},
		{"valley", 3.2},
		{"coast", 7.75},
		{"hill", 0.4},
	}
	mm := []float64{}
	for _, r := range week {
		mm = append(mm, r.MM)
	}
	avg := average(mm...)
	fmt.Println("average:", avg)
	fmt.Printf("average %.2f mm, %.1f cm\n", avg, avg/10)
	lo, hi := stats(week)
	fmt.Println("range:", lo, hi, hi-lo)
	fmt.Println(average(), average(1, 2), average(2.5, 3.5, 4))
	inches := avg / 25.4
	fmt.Printf("%8.3f in|%-6.2f|\n", inches, inches*2)
	fmt.Println(int(avg), float64(int(avg))+0.5, week[1])
}
