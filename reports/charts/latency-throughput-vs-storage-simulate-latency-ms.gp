# Throughput vs injected request latency (100k records, simulated)
# Written by dedupbench report. Regenerate from this directory: gnuplot latency-throughput-vs-storage-simulate-latency-ms.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'latency-throughput-vs-storage-simulate-latency-ms.svg'
set title 'Throughput vs injected request latency (100k records, simulated)'
set key outside right top noenhanced
set grid ytics
set border 3
set tics nomirror
set xlabel 'injected request latency (ms)'
set xrange [0:51]
set xtics ('0 ms' 0, '5 ms' 5, '20 ms' 20, '50 ms' 50)
set ylabel 'throughput (records/s)'
set yrange [0:300000]
set ytics ('0' 0, '100k' 100000, '200k' 200000, '300k' 300000)
set label 'bronze_append · injected request latency 0 ms: 278k [95% CI 274k–283k]' at 0, 278030.0392003392 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · injected request latency 5 ms: 120k [95% CI 120k–121k]' at 5, 120430.36997475699 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · injected request latency 20 ms: 44.5k [95% CI 44.4k–44.7k]' at 20, 44472.39703534108 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · injected request latency 50 ms: 19.9k [95% CI 19.8k–19.9k]' at 50, 19909.14870634247 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · injected request latency 0 ms: 217k [95% CI 200k–218k]' at 0, 216568.02200889098 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · injected request latency 5 ms: 46.5k [95% CI 46.4k–47.1k]' at 5, 46455.41317855812 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · injected request latency 20 ms: 14.7k [95% CI 14.7k–14.7k]' at 20, 14726.275481340073 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · injected request latency 50 ms: 6.22k [95% CI 6.21k–6.22k]' at 50, 6215.206298245265 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · injected request latency 0 ms: 274k [95% CI 271k–277k]' at 0, 273771.6631592983 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · injected request latency 5 ms: 117k [95% CI 116k–117k]' at 5, 116961.47363622494 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · injected request latency 20 ms: 43.4k [95% CI 43.2k–43.6k]' at 20, 43399.6868216662 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · injected request latency 50 ms: 19.5k [95% CI 19.5k–19.5k]' at 50, 19498.811226468864 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · injected request latency 0 ms: 211k [95% CI 207k–225k]' at 0, 210940.617076567 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · injected request latency 5 ms: 57.1k [95% CI 57k–57.5k]' at 5, 57096.037264941035 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · injected request latency 20 ms: 18.3k [95% CI 18.3k–18.4k]' at 20, 18336.5097542314 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · injected request latency 50 ms: 7.79k [95% CI 7.77k–7.79k]' at 50, 7788.463167793089 hypertext point pt 7 ps 2 lc rgb '#ff000000'
plot 'latency-throughput-vs-storage-simulate-latency-ms.dat' index 0 using 1:2:3:4 with yerrorlines lc rgb '#4477aa' pt 7 dt 1 lw 2 ps 1.1 title 'bronze_append', \
     '' index 1 using 1:2:3:4 with yerrorlines lc rgb '#ee6677' pt 5 dt 2 lw 2 ps 1.1 title 'delta_merge', \
     '' index 2 using 1:2:3:4 with yerrorlines lc rgb '#228833' pt 9 dt 4 lw 2 ps 1.1 title 'eager_dedup', \
     '' index 3 using 1:2:3:4 with yerrorlines lc rgb '#ccbb44' pt 13 dt 5 lw 2 ps 1.1 title 'polars_merge'
unset label
set terminal pngcairo size 1200,720 noenhanced font 'sans,11' background rgb 'white'
set output 'latency-throughput-vs-storage-simulate-latency-ms.png'
replot
unset output
