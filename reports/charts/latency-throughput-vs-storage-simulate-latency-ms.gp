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
set xlabel 'storage.simulate.latency_ms'
set xrange [0:51]
set xtics ('0' 0, '5' 5, '20' 20, '50' 50)
set ylabel 'throughput (records/s)'
set yrange [0:250000]
set ytics ('0' 0, '50k' 50000, '100k' 100000, '150k' 150000, '200k' 200000, '250k' 250000)
set label 'bronze_append · storage.simulate.latency_ms 0: 193k [95% CI 98.8k–231k]' at 0, 192568.81160090005 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · storage.simulate.latency_ms 5: 82.8k [95% CI 47.9k–84.1k]' at 5, 82844.63447808016 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · storage.simulate.latency_ms 20: 39.6k [95% CI 38.6k–41.3k]' at 20, 39582.36513950355 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · storage.simulate.latency_ms 50: 20.5k [95% CI 19.2k–20.6k]' at 50, 20529.147211336578 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · storage.simulate.latency_ms 0: 52.6k [95% CI 50.5k–86.4k]' at 0, 52623.91062724287 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · storage.simulate.latency_ms 5: 31k [95% CI 27.5k–32.6k]' at 5, 30964.554600638752 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · storage.simulate.latency_ms 20: 13.7k [95% CI 8.81k–13.9k]' at 20, 13694.566488970311 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · storage.simulate.latency_ms 50: 6.15k [95% CI 6.14k–6.18k]' at 50, 6148.587957146981 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · storage.simulate.latency_ms 0: 84.1k [95% CI 79.6k–87.7k]' at 0, 84099.35813468817 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · storage.simulate.latency_ms 5: 67.9k [95% CI 48.8k–80.4k]' at 5, 67860.22540508688 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · storage.simulate.latency_ms 20: 43k [95% CI 42.5k–43.3k]' at 20, 42994.56807073598 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · storage.simulate.latency_ms 50: 20.8k [95% CI 18.8k–21.2k]' at 50, 20817.730174808996 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · storage.simulate.latency_ms 0: 58.6k [95% CI 52.8k–83.2k]' at 0, 58595.565258091774 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · storage.simulate.latency_ms 5: 38.6k [95% CI 31.4k–39.5k]' at 5, 38627.750396671305 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · storage.simulate.latency_ms 20: 16.7k [95% CI 16.1k–18.2k]' at 20, 16689.998409181524 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · storage.simulate.latency_ms 50: 7.76k [95% CI 7.17k–7.81k]' at 50, 7761.302427219859 hypertext point pt 7 ps 2 lc rgb '#ff000000'
plot 'latency-throughput-vs-storage-simulate-latency-ms.dat' index 0 using 1:2:3:4 with yerrorlines lc rgb '#4477aa' pt 7 dt 1 lw 2 ps 1.1 title 'bronze_append', \
     '' index 1 using 1:2:3:4 with yerrorlines lc rgb '#ee6677' pt 5 dt 2 lw 2 ps 1.1 title 'delta_merge', \
     '' index 2 using 1:2:3:4 with yerrorlines lc rgb '#228833' pt 9 dt 4 lw 2 ps 1.1 title 'eager_dedup', \
     '' index 3 using 1:2:3:4 with yerrorlines lc rgb '#ccbb44' pt 13 dt 5 lw 2 ps 1.1 title 'polars_merge'
unset label
set terminal pngcairo size 1200,720 noenhanced font 'sans,11' background rgb 'white'
set output 'latency-throughput-vs-storage-simulate-latency-ms.png'
replot
unset output
